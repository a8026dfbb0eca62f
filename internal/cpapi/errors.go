package cpapi

import "fmt"

// ResponseError is a response whose responseCode is neither 100 nor a code that means "nothing matched".
type ResponseError struct {
	Operation string
	Code      string
	Text      string
	// Hint, when known, says what to change (the documented codes of write operations); "" otherwise.
	Hint string
}

func (e *ResponseError) Error() string {
	msg := fmt.Sprintf("%s: ChargePoint answered responseCode %s: %s", e.Operation, e.Code, e.Text)
	if e.Hint != "" {
		msg += " (" + e.Hint + ")"
	}
	return msg
}

// PagingError reports a server that keeps announcing more pages without making progress.
type PagingError struct {
	Operation   string
	StartRecord int64
	Reason      string
}

func (e *PagingError) Error() string {
	return fmt.Sprintf("%s: paging stopped at startRecord %d: %s", e.Operation, e.StartRecord, e.Reason)
}

// RecordLimitError reports a paged read that went past the record ceiling (Config.MaxRecords).
type RecordLimitError struct {
	Operation string
	Limit     int64
}

func (e *RecordLimitError) Error() string {
	return fmt.Sprintf("%s: the server announced more than %d records; stopped there. Narrow the query, "+
		"or raise max_records (CHARGEPOINT_MAX_RECORDS) if it really matches that many", e.Operation, e.Limit)
}
