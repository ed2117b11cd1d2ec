package launcher

import (
	"context"
	"errors"
	"net/url"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"

	"github.com/ecslaunch/ecslaunch/cloud"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/retry"
)

// Redact masks the credentials and secrets in a text that may contain a
// signed request URL: SDK error texts carry the whole URL (docs/sdk-notes.md §4).
// It is cloud.Redact, which also knows every resolved session's secrets.
func Redact(s string) string { return cloud.Redact(s) }

// errorKind says what a failed call means for a retry.
type errorKind int

const (
	// errAPI is a definitive answer from ECS: retrying cannot help.
	errAPI errorKind = iota
	// errRetryable is a 5xx or throttling answer: the same call may succeed later.
	errRetryable
	// errTransport means no answer arrived: the call may or may not have
	// been carried out.
	errTransport
	// errCancelled means the caller gave up (context cancelled or expired).
	errCancelled
)

// classify sorts a call's error by what a retry can do about it.
func classify(err error) errorKind {
	if callerGaveUp(err) {
		return errCancelled
	}
	var be *BuildError
	if errors.As(err, &be) || notSent(err) {
		return errAPI
	}
	var se *sdkerrors.ServerError
	if !errors.As(err, &se) {
		return errTransport
	}
	if retry.Transient(err) {
		return errRetryable
	}
	return errAPI
}

// unsentCodes are the SDK's client-side errors raised before anything is
// sent (sdk/errors/client_error.go): retrying cannot help.
var unsentCodes = map[string]bool{
	sdkerrors.UnsupportedCredentialErrorCode:    true,
	sdkerrors.CanNotResolveEndpointErrorCode:    true,
	sdkerrors.UnsupportedParamPositionErrorCode: true,
	sdkerrors.UnknownRequestTypeErrorCode:       true,
	sdkerrors.MissingParamErrorCode:             true,
	sdkerrors.InvalidParamErrorCode:             true,
}

// notSent reports an SDK error raised before the request left.
func notSent(err error) bool {
	var ce *sdkerrors.ClientError
	return errors.As(err, &ce) && unsentCodes[ce.ErrorCode()]
}

// APIError is a definitive error answer from ECS, with the SDK's signed
// URL and headers left out.
type APIError struct {
	HTTPStatus int
	Code       string
	Message    string
	RequestID  string
}

// Error renders the code, message, what to do when the code is one any
// call can get (cloud.Hint), and the request ID.
func (e *APIError) Error() string {
	s := e.Code + ": " + e.Message
	if hint := cloud.Hint(e.Code); hint != "" {
		s += " (" + hint + ")" // the hint is in the current language already
	}
	if e.RequestID != "" {
		s += " (RequestId " + e.RequestID + ")"
	}
	return s
}

// TransportError reports a call that got no usable answer; Detail is
// redacted.
type TransportError struct{ Detail string }

// Error says that no answer came, with the redacted detail.
func (e *TransportError) Error() string { return i18n.T("no answer from ECS: %s", e.Detail) }

// callerGaveUp reports that the caller's context ended. The SDK's own read
// timeout is a *url.Error that also matches context.DeadlineExceeded, but
// it is a lost answer (the call may have been carried out), and its text
// quotes the signed URL with the Password: it is no cancellation.
func callerGaveUp(err error) bool {
	var ue *url.Error
	if errors.As(err, &ue) {
		return false
	}
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// cleanError turns an SDK error into one that is safe to show and log.
func cleanError(err error) error {
	if err == nil || classify(err) == errCancelled {
		return err
	}
	var be *BuildError
	if errors.As(err, &be) {
		return be
	}
	if notSent(err) {
		return &BuildError{Err: errors.New(Redact(err.Error()))}
	}
	var se *sdkerrors.ServerError
	if errors.As(err, &se) {
		return &APIError{HTTPStatus: se.HttpStatus(), Code: se.ErrorCode(), Message: cloud.ServerMessage(se.Message()), RequestID: se.RequestId()}
	}
	// cloud.Describe names the host, never the signed URL with its query.
	return &TransportError{Detail: cloud.Describe(err)}
}

// BuildError reports a request that could not be turned into an SDK
// request; nothing was sent.
type BuildError struct{ Err error }

// Error says why the request could not be built.
func (e *BuildError) Error() string { return i18n.T("cannot build the request: %v", e.Err) }

// Unwrap returns the cause.
func (e *BuildError) Unwrap() error { return e.Err }
