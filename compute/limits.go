package compute

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Limits on what Descent reads and builds, checked before the work, so that
// a hostile or mistaken input gets an error naming the limit instead of
// exhausting memory or blocking.
const (
	// MaxDataFileBytes is the largest CSV file read.
	MaxDataFileBytes = 512 << 20
	// MaxConfigFileBytes is the largest Config file read.
	MaxConfigFileBytes = 1 << 20
	// MaxLineBytes is the longest line of a CSV file.
	MaxLineBytes = 1 << 20
	// MaxColumns is the most columns of a CSV file.
	MaxColumns = 1024
)

// OpenRegular opens path for reading after checking that it is a regular
// file of at most limit bytes: a device (/dev/zero), a FIFO (which would
// block) or a folder is refused before it is opened. The returned reader
// reads at most limit bytes and fails past them.
func OpenRegular(path string, limit int64) (io.ReadCloser, error) {
	info, err := os.Stat(path)
	if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
		return nil, fmt.Errorf("%s: %v", QuoteValue(path), pe.Err)
	} else if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file (%s)", QuoteValue(path), info.Mode().Type())
	}
	if info.Size() > limit {
		return nil, fmt.Errorf("%s: %d bytes, more than the limit of %d", QuoteValue(path), info.Size(), limit)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	return struct {
		io.Reader
		io.Closer
	}{&limitedReader{r: f, left: limit, limit: limit}, f}, nil
}

// limitedReader fails once more than limit bytes are read (a file that
// grew after it was measured).
type limitedReader struct {
	r           io.Reader
	left, limit int64
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.left <= 0 {
		return 0, fmt.Errorf("input longer than the limit of %d bytes", l.limit)
	}
	if int64(len(p)) > l.left+1 {
		p = p[:l.left+1]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	if l.left < 0 {
		return n, fmt.Errorf("input longer than the limit of %d bytes", l.limit)
	}
	return n, err
}

// errLineTooLong is a CSV line longer than MaxLineBytes.
var errLineTooLong = fmt.Errorf("a line longer than the limit of %d bytes", MaxLineBytes)

// lineLimitReader fails when a line is longer than max bytes.
type lineLimitReader struct {
	r    io.Reader
	line int
	max  int
}

func (l *lineLimitReader) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for _, b := range p[:n] {
		if b == '\n' {
			l.line = 0
			continue
		}
		if l.line++; l.line > l.max {
			return 0, errLineTooLong
		}
	}
	return n, err
}

// dataBytes estimates the memory of n samples with features features.
func dataBytes(n, features int) int64 {
	return int64(n) * int64(features+1) * 8
}
