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
