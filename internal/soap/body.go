package soap

import (
	"bytes"
	"io"
	"net/http"
)

// readBody reads at most limit+1 bytes of a response body (one more than allowed, to detect a body
// that is too large) into a buffer sized from Content-Length when the server sent one, so that a
// megabyte page is read into one allocation rather than a doubling series of copies.
func readBody(resp *http.Response, limit int64) ([]byte, error) {
	var buf bytes.Buffer
	if n := resp.ContentLength; n > 0 && n <= limit {
		buf.Grow(int(n) + bytes.MinRead)
	}
	_, err := buf.ReadFrom(io.LimitReader(resp.Body, limit+1))
	return buf.Bytes(), err
}
