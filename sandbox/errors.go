package sandbox

import (
	"fmt"
	"net/http"
)

// apiError is an error the API answers with: its HTTP status, code and message.
type apiError struct {
	Status  int
	Code    string
	Message string
}

func (e *apiError) Error() string { return fmt.Sprintf("%d %s: %s", e.Status, e.Code, e.Message) }

// errorBody is the error response every action shares (api-shapes.md §1);
// every field is a string, as the SDK type-asserts them.
type errorBody struct {
	RequestId string `json:"RequestId"`
	HostId    string `json:"HostId"`
	Code      string `json:"Code"`
	Message   string `json:"Message"`
	Recommend string `json:"Recommend"`
}

func errMissing(name string) *apiError {
	return &apiError{http.StatusBadRequest, "MissingParameter",
		fmt.Sprintf("The input parameter %q that is mandatory for processing this request is not supplied.", name)}
}

func errInvalid(name, value string) *apiError {
	return &apiError{http.StatusBadRequest, "InvalidParameter",
		fmt.Sprintf("The specified parameter %q is not valid: %q.", name, value)}
}

// The protocol and fault errors, with the statuses of api-shapes.md §1.
var (
	errDryRun = &apiError{http.StatusBadRequest, "DryRunOperation", "Request validation has been passed with DryRun flag set."}
	// errThrottled is what ECS answers under flow control: HTTP 400, Throttling.User.
	errThrottled   = &apiError{http.StatusBadRequest, "Throttling.User", "Request was denied due to user flow control."}
	errUnavailable = &apiError{http.StatusServiceUnavailable, "ServiceUnavailable", "The request has failed due to a temporary failure of the server."}
	errInternal    = &apiError{http.StatusInternalServerError, "InternalError", "The request processing has failed due to some unknown error, exception or failure."}
	errKeyNotFound = &apiError{http.StatusBadRequest, "InvalidAccessKeyId.NotFound", "Specified access key is not found."}
	// errNoAction: the gateway answers an unknown action with 404.
	errNoAction         = &apiError{http.StatusNotFound, "InvalidAction.NotFound", "Specified api is not found, please check your url and method."}
	errNoRegion         = &apiError{http.StatusNotFound, "InvalidRegionId.NotFound", "The specified RegionId does not exist."}
	errTimestampFormat  = &apiError{http.StatusBadRequest, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted."}
	errTimestampExpired = &apiError{http.StatusBadRequest, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired."}
	errNonceUsed        = &apiError{http.StatusBadRequest, "SignatureNonceUsed", "Specified signature nonce was used already."}
	errIdempotent       = &apiError{http.StatusBadRequest, "IdempotentParameterMismatch", "The request uses the same client token as a previous, but non-identical request."}
)

func errSignature(sts string) *apiError {
	return &apiError{http.StatusBadRequest, "SignatureDoesNotMatch",
		"Specified signature is not matched with our calculation. server string to sign is:" + sts}
}
