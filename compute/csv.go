package compute

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// LoadCSV reads a data set from CSV text: a header row naming the columns,
// then one row per sample of numeric values. The column named target
// becomes Y and every other column a feature; an empty target means the
// last column. Errors name the line and the column, and the limits
// MaxLineBytes and MaxColumns when an input passes them.
func LoadCSV(r io.Reader, target string) (*Dataset, error) {
	cr := csv.NewReader(&lineLimitReader{r: r, max: MaxLineBytes})
	cr.TrimLeadingSpace = true
	cr.ReuseRecord = false
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, errors.New("csv: empty input, want a header row")
	}
	if err != nil {
		return nil, fmt.Errorf("csv: %w", err)
	}
	for i := range header {
		header[i] = strings.TrimSpace(header[i])
	}
	if len(header) > MaxColumns {
		return nil, fmt.Errorf("csv: line 1: %d columns, more than the limit of %d", len(header), MaxColumns)
	}
	if len(header) < 2 {
		return nil, fmt.Errorf("csv: line 1: %d column(s), want at least 2 (features and a target)", len(header))
	}
	ti := len(header) - 1
	if target != "" {
		ti = -1
		for i, h := range header {
			if h == target {
				ti = i
			}
		}
		if ti < 0 {
			return nil, fmt.Errorf("csv: no column named %s (columns: %s)", QuoteString(target), QuoteValue(strings.Join(header, ", ")))
		}
	}
	d := &Dataset{Target: header[ti]}
	for i, h := range header {
		if i != ti {
			d.Names = append(d.Names, h)
			d.X = append(d.X, nil)
		}
	}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("csv: %w", err)
		}
		line, _ := cr.FieldPos(0)
		j := 0
		for i, field := range rec {
			v, err := strconv.ParseFloat(strings.TrimSpace(field), 64)
			if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("csv: line %d, column %s: %s is not a finite number", line, QuoteString(header[i]), QuoteString(field))
			}
			if i == ti {
				d.Y = append(d.Y, v)
				continue
			}
			d.X[j] = append(d.X[j], v)
			j++
		}
	}
	if len(d.Y) == 0 {
		return nil, errors.New("csv: no data rows after the header")
	}
	return d, nil
}

// LoadCSVFile reads the regular file path, of at most MaxDataFileBytes,
// with LoadCSV.
func LoadCSVFile(path, target string) (*Dataset, error) {
	f, err := OpenRegular(path, MaxDataFileBytes)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d, err := LoadCSV(f, target)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", QuoteValue(path), err)
	}
	return d, nil
}
