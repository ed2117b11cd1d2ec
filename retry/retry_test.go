package retry

import (
	"context"
	"errors"
	"testing"
	"time"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
)

func serverError(status int, code string) error {
	return sdkerrors.NewServerError(status, `{"Code":"`+code+`","Message":"m","RequestId":"r","HostId":"h","Recommend":"x"}`, "")
}

func TestTransient(t *testing.T) {
	cases := []struct {
		err  error
		want bool
	}{
		{serverError(400, "Throttling.User"), true},
		{serverError(429, "Throttling.Resource"), true},
		{serverError(503, "ServiceUnavailable"), true},
		{serverError(500, "InternalError"), true},
		{serverError(400, "InvalidParameter"), false},
		{serverError(403, "OperationDenied.NoStock"), false},
		{errors.New("connection refused"), false},
	}
	for _, c := range cases {
		if got := Transient(c.err); got != c.want {
			t.Errorf("Transient(%v) = %v", c.err, got)
		}
	}
}

func TestBackoffDoublesWithinJitterAndCap(t *testing.T) {
	for n := 1; n <= 8; n++ {
		want := min(100*time.Millisecond<<(n-1), time.Second)
		for i := 0; i < 50; i++ {
			d := Backoff(100*time.Millisecond, time.Second, n)
			if d < want/2 || d > want {
				t.Fatalf("Backoff(n=%d) = %v, want within [%v, %v]", n, d, want/2, want)
			}
		}
	}
}

func TestSleepEndsWithTheContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Sleep(ctx, time.Hour); !errors.Is(err, context.Canceled) {
		t.Fatalf("Sleep = %v", err)
	}
	if err := Sleep(context.Background(), time.Millisecond); err != nil {
		t.Fatal(err)
	}
}
