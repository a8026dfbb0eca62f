package cpapi

import (
	"context"
	"fmt"
	"net/http"
	"reflect"
	"regexp"
	"testing"
)

func TestInBatches(t *testing.T) {
	var ids []String
	for i := 0; i < 250; i++ {
		ids = append(ids, StringOf(fmt.Sprint(i)))
	}
	ids = append(ids, ids[0], ids[1]) // duplicates are sent once
	var sizes []int
	got, err := inBatches(context.Background(), ids, MaxIDsPerCall, func(_ context.Context, batch []String) ([]string, error) {
		sizes = append(sizes, len(batch))
		var out []string
		for _, b := range batch {
			out = append(out, b.Value)
		}
		return out, nil
	})
	if err != nil || len(got) != 250 || got[0] != "0" || got[249] != "249" {
		t.Fatalf("got %d items, %v", len(got), err)
	}
	if fmt.Sprint(sizes) != "[100 100 50]" {
		t.Errorf("batch sizes %v", sizes)
	}
	calls := 0
	if _, err := inBatches(context.Background(), nil, MaxIDsPerCall, func(_ context.Context, batch []String) ([]string, error) {
		calls++
		if batch != nil {
			t.Errorf("batch %v", batch)
		}
		return nil, nil
	}); err != nil || calls != 1 {
		t.Errorf("no IDs: %d calls, %v", calls, err)
	}
}

// TestEveryStationIDListIsBatched finds every Client method whose query carries a station ID list and
// checks the rules stationBatched declares: an empty list makes no call and gives a non-nil empty
// result; 250 IDs go at most MaxIDsPerCall per call, each once. A method that calls the operation
// without stationBatched fails here.
func TestEveryStationIDListIsBatched(t *testing.T) {
	ctxType, listType := reflect.TypeFor[context.Context](), reflect.TypeFor[WrappedList[StationIDItem]]()
	opRE := regexp.MustCompile(`<urn:(\w+)>`)
	var methods []string
	for m := range reflect.TypeFor[*Client]().Methods() {
		if m.Type.NumIn() != 3 || m.Type.In(1) != ctxType || m.Type.In(2).Kind() != reflect.Struct {
			continue
		}
		field, ok := fieldOfType(m.Type.In(2), listType)
		if !ok {
			continue
		}
		methods = append(methods, m.Name)
		t.Run(m.Name, func(t *testing.T) {
			fs := newFakeServer(t, func(w http.ResponseWriter, body string) {
				write(w, 200, soapOK(opRE.FindStringSubmatch(body)[1], ok100+"<moreFlag>0</moreFlag>"))
			})
			c := fs.client(t)
			call := func(ids WrappedList[StationIDItem]) (reflect.Value, error) {
				q := reflect.New(m.Type.In(2)).Elem()
				q.FieldByIndex(field.Index).Set(reflect.ValueOf(ids))
				out := m.Func.Call([]reflect.Value{reflect.ValueOf(c), reflect.ValueOf(context.Background()), q})
				err, _ := out[len(out)-1].Interface().(error)
				return out[0], err
			}
			got, err := call(WrappedList[StationIDItem]{})
			if err != nil || got.Kind() != reflect.Slice || got.IsNil() || got.Len() != 0 || len(fs.snapshot()) != 0 {
				t.Fatalf("an empty station ID list: %v, %v after %d calls; want a non-nil empty result and no call", got, err, len(fs.snapshot()))
			}
			var ids WrappedList[StationIDItem]
			for i := range 250 {
				ids = append(ids, StringOf(fmt.Sprintf("1:%d", i)))
			}
			if _, err := call(ids); err != nil {
				t.Fatal(err)
			}
			sent := map[string]int{}
			for _, r := range fs.snapshot() {
				batch := requestedIDs(r.body)
				if len(batch) > MaxIDsPerCall {
					t.Errorf("a call with %d station IDs", len(batch))
				}
				for _, id := range batch {
					sent[id]++
				}
			}
			for _, id := range ids {
				if sent[id.Value] != 1 {
					t.Errorf("station ID %s sent %d times", id.Value, sent[id.Value])
				}
			}
		})
	}
	if len(methods) < 5 {
		t.Errorf("found the station ID lists of %v only", methods)
	}
}

// fieldOfType finds the field of type want in struct type t, embedded structs included.
func fieldOfType(t, want reflect.Type) (reflect.StructField, bool) {
	return t.FieldByNameFunc(func(name string) bool {
		f, _ := t.FieldByName(name)
		return f.Type == want
	})
}
