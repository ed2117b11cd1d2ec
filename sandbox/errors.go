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

// errorBody is the error response every action shares (docs/api-shapes.md §1);
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

// The protocol and fault errors, with the statuses of docs/api-shapes.md §1.
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

// maxEchoedStringToSign caps the StringToSign that SignatureDoesNotMatch
// echoes: a 131 KB request must not get a 656 KB answer (issue 17).
const maxEchoedStringToSign = 4096

func errSignature(sts string) *apiError {
	if len(sts) > maxEchoedStringToSign {
		sts = fmt.Sprintf("%s… (%d more bytes)", sts[:maxEchoedStringToSign], len(sts)-maxEchoedStringToSign)
	}
	return &apiError{http.StatusBadRequest, "SignatureDoesNotMatch",
		"Specified signature is not matched with our calculation. server string to sign is:" + sts}
}

// errCommonValue answers a common parameter the gateway does not support,
// as ECS's common error table does (InvalidParameter, 400), naming the
// values it takes.
func errCommonValue(name, value, allowed string) *apiError {
	return &apiError{http.StatusBadRequest, "InvalidParameter",
		fmt.Sprintf("The specified parameter %q is not valid: %q (allowed: %s).", name, value, allowed)}
}

// errMalformed answers a query or body that cannot be parsed.
func errMalformed(part string) *apiError {
	return &apiError{http.StatusBadRequest, "InvalidParameter", "The request " + part + " could not be parsed."}
}

// errBodyTooLarge answers a body over maxBody rather than reading part of it.
var errBodyTooLarge = &apiError{http.StatusBadRequest, "InvalidParameter",
	"The request is refused: the request body exceeds 1 MiB (1,048,576 bytes)."}

// errIncompleteSignature answers a signature that is not in the documented
// form (docs/api-shapes.md §1 lists IncompleteSignature, 400).
func errIncompleteSignature(why string) *apiError {
	return &apiError{http.StatusBadRequest, "IncompleteSignature", "The request signature does not conform to Aliyun standards: " + why + "."}
}
