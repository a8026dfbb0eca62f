package cpapi

// Result is the responseCode/responseText pair that starts every response except getCPNInstances'.
type Result struct {
	ResponseCode String `xml:"responseCode"`
	ResponseText String `xml:"responseText"`
}

func (r *Result) result() *Result { return r }

// withResult is implemented by every response type that embeds Result.
type withResult interface{ result() *Result }

// codeSuccess is the responseCode of a successful call.
const codeSuccess = "100"

// operation describes one SOAP operation to the call layer.
type operation struct {
	name string
	// noMatch lists the responseCodes that mean "nothing matched the query": they are an empty
	// result, not an error (102 for station searches).
	noMatch []string
}

func (op operation) isNoMatch(code string) bool {
	for _, c := range op.noMatch {
		if c == code {
			return true
		}
	}
	return false
}
