// Package retry holds what the catalog and the launcher share about retrying
// ECS calls: which answers are worth another try, and how long to wait.
package retry

import (
	"context"
	"errors"
	"math/rand/v2"
	"strings"
	"time"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
)

// Transient reports whether err is an ECS answer that the same call may not
// get next time: throttling (Throttling*, HTTP 429) or a server error (5xx).
// A transport error is not one: whether to retry it depends on whether the
// call is safe to repeat, which only the caller knows.
func Transient(err error) bool {
	var se *sdkerrors.ServerError
	if !errors.As(err, &se) {
		return false
	}
	return se.HttpStatus() >= 500 || se.HttpStatus() == 429 || strings.HasPrefix(se.ErrorCode(), "Throttling")
}

// Backoff is the delay before retry n (1-based): base doubled per attempt
// up to limit, with "equal jitter" (half fixed, half random) so that parallel
// callers spread out yet always wait a little.
func Backoff(base, limit time.Duration, n int) time.Duration {
	d := base
	for i := 1; i < n && d < limit; i++ {
		d *= 2
	}
	d = min(d, limit)
	half := d / 2
	return half + rand.N(half+1)
}

// Sleep waits d, or until ctx ends (then it returns ctx's error).
func Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
