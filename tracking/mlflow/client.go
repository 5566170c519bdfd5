package mlflow

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/descent-playground/descent/compute"
)

// Defaults for a Client's requests, milder than MLflow's own (7 retries,
// backoff factor 2 s, 120 s timeout): a command line gives up on a server
// that keeps refusing or failing after about 8 s of backoff (measured 7.5 s
// for a closed port), but on one that accepts and never answers only after
// five 30 s timeouts (measured 158 s; Ctrl-C stops it at once).
const (
	DefaultRetries = 4
	DefaultBackoff = 500 * time.Millisecond
	DefaultTimeout = 30 * time.Second
	// MaxRetries bounds Retries however the environment sets it.
	MaxRetries = 10
	// maxRetryAfter bounds the wait a server asks for with Retry-After.
	maxRetryAfter = 30 * time.Second
	// maxResponseBytes bounds what is read of a response.
	maxResponseBytes = 1 << 20
)

// Client talks to one MLflow tracking server over its REST API 2.0.
type Client struct {
	// base is the server's address, without a trailing slash.
	base string
	// HTTP sends the requests; NewClient gives it Timeout per request.
	HTTP *http.Client
	// Username and Password, when both are set, authenticate with HTTP
	// Basic; otherwise Token, when set, as a Bearer token.
	Username, Password, Token string
	// Retries is how many times a request that failed transiently (network
	// error, 408, 429, 5xx) is sent again.
	Retries int
	// Backoff is the wait before the first retry; it doubles each retry.
	Backoff time.Duration
}

// NewClient returns a client for the tracking server at uri, an http:// or
// https:// address, with credentials, retries, backoff and timeout from the
// environment variables MLflow's own client reads (MLFLOW_TRACKING_USERNAME,
// MLFLOW_TRACKING_PASSWORD, MLFLOW_TRACKING_TOKEN,
// MLFLOW_HTTP_REQUEST_MAX_RETRIES, MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR in
// seconds, MLFLOW_HTTP_REQUEST_TIMEOUT in seconds).
func NewClient(uri string) (*Client, error) {
	u, err := url.Parse(uri)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Opaque != "" {
		return nil, fmt.Errorf("%s: want the http:// or https:// address of an MLflow tracking server (MLflow's file store is not supported)", compute.QuoteValue(uri))
	}
	if u.User != nil {
		return nil, fmt.Errorf("%s: put credentials in MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD, not in the address", compute.QuoteValue(u.Redacted()))
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("%s: want an address without ?query or #fragment", compute.QuoteValue(uri))
	}
	c := &Client{
		base:     strings.TrimRight(u.Scheme+"://"+u.Host+u.EscapedPath(), "/"),
		Username: os.Getenv("MLFLOW_TRACKING_USERNAME"),
		Password: os.Getenv("MLFLOW_TRACKING_PASSWORD"),
		Token:    os.Getenv("MLFLOW_TRACKING_TOKEN"),
		Retries:  DefaultRetries,
		Backoff:  DefaultBackoff,
	}
	timeout := DefaultTimeout
	if v := os.Getenv("MLFLOW_HTTP_REQUEST_MAX_RETRIES"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > MaxRetries {
			return nil, fmt.Errorf("MLFLOW_HTTP_REQUEST_MAX_RETRIES %s: want a whole number from 0 to %d", compute.QuoteValue(v), MaxRetries)
		}
		c.Retries = n
	}
	if v := os.Getenv("MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR"); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f < 0 || f > 60 {
			return nil, fmt.Errorf("MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR %s: want seconds from 0 to 60", compute.QuoteValue(v))
		}
		c.Backoff = time.Duration(f * float64(time.Second))
	}
	if v := os.Getenv("MLFLOW_HTTP_REQUEST_TIMEOUT"); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f <= 0 || f > 3600 {
			return nil, fmt.Errorf("MLFLOW_HTTP_REQUEST_TIMEOUT %s: want seconds from 0 to 3600", compute.QuoteValue(v))
		}
		timeout = time.Duration(f * float64(time.Second))
	}
	c.HTTP = &http.Client{Timeout: timeout}
	return c, nil
}

// URI returns the server's address as the client uses it.
func (c *Client) URI() string { return c.base }

// APIError is a request that the server answered with an error status.
type APIError struct {
	// Endpoint is the API path after /api/2.0/mlflow/, e.g. runs/log-batch.
	Endpoint string
	// Status is the HTTP status code.
	Status int
	// Code and Message are MLflow's error_code and message, when the
	// answer was MLflow's JSON; otherwise Message is the start of the body.
	Code, Message string
}

// Error says it on one line: the endpoint, the HTTP status, MLflow's error
// code and its message, quoted and cut to compute.MaxQuoted characters.
func (e *APIError) Error() string {
	s := fmt.Sprintf("%s: HTTP %d", e.Endpoint, e.Status)
	if e.Code != "" {
		s += " " + e.Code
	}
	if e.Message != "" {
		s += ": " + compute.QuoteString(e.Message)
	}
	return s
}

// transient reports whether a status is worth retrying, as MLflow's own
// client decides.
func transient(status int) bool {
	switch status {
	case http.StatusRequestTimeout, http.StatusTooManyRequests, http.StatusInternalServerError,
		http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// call sends body (nil for GET) to the endpoint and decodes the answer into
// out (when not nil), retrying transient failures.
func (c *Client) call(ctx context.Context, method, endpoint string, query url.Values, body []byte, out any) error {
	target := c.base + "/api/2.0/mlflow/" + endpoint
	if len(query) > 0 {
		target += "?" + query.Encode()
	}
	wait := c.Backoff
	for attempt := 0; ; attempt++ {
		status, data, retryAfter, err := c.send(ctx, method, target, body)
		last := attempt >= c.Retries || ctx.Err() != nil
		switch {
		case err != nil && last:
			return fmt.Errorf("%s: %w", endpoint, err)
		case err == nil && status/100 == 2:
			if out == nil {
				return nil
			}
			if err := json.Unmarshal(data, out); err != nil {
				return fmt.Errorf("%s: reading the answer: %w", endpoint, err)
			}
			return nil
		case err == nil && (last || !transient(status)):
			return apiError(endpoint, status, data)
		}
		d := wait
		if retryAfter > d {
			d = min(retryAfter, maxRetryAfter)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s: %w", endpoint, ctx.Err())
		case <-time.After(d):
		}
		wait *= 2
	}
}

// send makes one request and returns the status, the body and the wait the
// server asked for with Retry-After (in seconds).
func (c *Client) send(ctx context.Context, method, target string, body []byte) (int, []byte, time.Duration, error) {
	var r io.Reader
	if body != nil {
		r = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, target, r)
	if err != nil {
		return 0, nil, 0, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "descent")
	switch {
	case c.Username != "" && c.Password != "":
		req.SetBasicAuth(c.Username, c.Password)
	case c.Token != "":
		req.Header.Set("Authorization", "Bearer "+c.Token)
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // the endpoint is named by the caller
		}
		return 0, nil, 0, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes))
	if err != nil {
		return 0, nil, 0, err
	}
	var after time.Duration
	if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && s > 0 {
		after = time.Duration(s) * time.Second
	}
	return resp.StatusCode, data, after, nil
}

// apiError reads MLflow's {"error_code": ..., "message": ...} from an error
// answer, or keeps the start of a body that is not MLflow's.
func apiError(endpoint string, status int, data []byte) *APIError {
	e := &APIError{Endpoint: endpoint, Status: status}
	var body struct {
		Code    string `json:"error_code"`
		Message string `json:"message"`
	}
	if json.Unmarshal(data, &body) == nil && (body.Code != "" || body.Message != "") {
		e.Code, e.Message = body.Code, body.Message
		return e
	}
	e.Message = strings.TrimSpace(string(data))
	return e
}
