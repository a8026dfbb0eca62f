package cpapi

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/soap"
	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/xsdtest"
)

// validSearchQuery checks the operation element of the last request against the XSD and returns it.
func validSearchQuery(t *testing.T, fs *fakeServer) string {
	t.Helper()
	body := fs.last().body
	xsdtest.Validate(t, xsdtest.BodyElement(t, []byte(body)))
	start := strings.Index(body, "<soapenv:Body>") + len("<soapenv:Body>")
	return body[start:strings.Index(body, "</soapenv:Body>")]
}

// pagedOp describes a paged search operation to checkPaging.
type pagedOp[T any] struct {
	op       string // operation name
	sizeElem string // the request's page-size element
	item     func(n int) string
	page     func(items string, more bool) string // the response children after the result code
	fetch    func(*Client) ([]T, error)
	id       func(T) string // must give "n" for the item built by item(n)
}

// checkPaging serves n records in pages of the size the client asks for, like ChargePoint, and checks
// that the client reads every page in order and stops after the last one, also when it is exactly full:
// sequentially (one request in flight), then with pages requested ahead.
func checkPaging[T any](t *testing.T, p pagedOp[T]) {
	for _, inFlight := range []int{1, soap.DefaultMaxConcurrentRequests} {
		t.Run(fmt.Sprintf("%d in flight", inFlight), func(t *testing.T) { checkPagingWith(t, p, inFlight) })
	}
}

func checkPagingWith[T any](t *testing.T, p pagedOp[T], inFlight int) {
	const pageSize = 4
	startRE := regexp.MustCompile(`<startRecord>(\d+)</startRecord>`)
	sizeRE := regexp.MustCompile(`<` + p.sizeElem + `>(\d+)</` + p.sizeElem + `>`)
	for _, n := range []int{0, 1, 4, 9, 12} { // 4 and 12: the last page is exactly full
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			fs := newFakeServer(t, func(w http.ResponseWriter, body string) {
				start, _ := strconv.Atoi(startRE.FindStringSubmatch(body)[1])
				size, _ := strconv.Atoi(sizeRE.FindStringSubmatch(body)[1])
				end := min(start-1+size, n)
				var items strings.Builder
				for i := start; i <= end; i++ {
					items.WriteString(p.item(i))
				}
				write(w, 200, soapOK(p.op, ok100+p.page(items.String(), end < n)))
			})
			c := fs.clientInFlight(t, inFlight)
			c.pageSize = pageSize
			got, err := p.fetch(c)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != n {
				t.Fatalf("%d records, want %d", len(got), n)
			}
			for i, v := range got {
				if p.id(v) != strconv.Itoa(i+1) {
					t.Fatalf("record %d has id %q, want %d", i, p.id(v), i+1)
				}
			}
			var starts []int
			for _, r := range fs.snapshot() {
				s, _ := strconv.Atoi(startRE.FindStringSubmatch(r.body)[1])
				starts = append(starts, s)
				if size := sizeRE.FindStringSubmatch(r.body); size == nil || size[1] != strconv.Itoa(pageSize) {
					t.Errorf("request without %s=%d: %s", p.sizeElem, pageSize, r.body)
				}
			}
			var want []int
			for s := 1; s == 1 || s <= n; s += pageSize {
				want = append(want, s)
			}
			if inFlight == 1 {
				if fmt.Sprint(starts) != fmt.Sprint(want) {
					t.Errorf("startRecords sent %v, want %v", starts, want)
				}
				return
			}
			// Ahead of the reader: every page once, and at most a window of requests past the end.
			slices.Sort(starts)
			needed, extra := starts[:min(len(want), len(starts))], starts[min(len(want), len(starts)):]
			if fmt.Sprint(needed) != fmt.Sprint(want) || len(extra) >= inFlight || slices.ContainsFunc(extra, func(s int) bool { return s <= n }) {
				t.Errorf("startRecords sent %v, want %v then at most %d past %d", starts, want, inFlight-1, n)
			}
		})
	}
}

// checkRepeatedPageStops serves the same full page forever: the client must stop with a PagingError.
func checkRepeatedPageStops[T any](t *testing.T, p pagedOp[T]) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK(p.op, ok100+p.page(p.item(1)+p.item(2), true)))
	})
	_, err := p.fetch(fs.client(t))
	if pe, ok := err.(*PagingError); !ok || pe.Operation != p.op || pe.StartRecord != 3 {
		t.Fatalf("err = %#v", err)
	}
}

func flag(more bool) string {
	if more {
		return "1"
	}
	return "0"
}
