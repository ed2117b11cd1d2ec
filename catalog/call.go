package catalog

import (
	"context"
	"errors"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"

	"github.com/ecslaunch/ecslaunch/cloud"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/retry"
)

// CallError is a failed API call: its Action and region and the cause. Its
// text is safe to print ("DescribeImages in cn-hangzhou: Throttling: …").
type CallError struct {
	Action string
	Region string
	Err    error
}

// Error names the call and region and describes the cause redacted.
func (e *CallError) Error() string {
	if e.Region != "" {
		return i18n.T("%s in %s: %s", e.Action, e.Region, cloud.Describe(e.Err))
	}
	return e.Action + ": " + cloud.Describe(e.Err)
}

// Unwrap returns the SDK error.
func (e *CallError) Unwrap() error { return e.Err }

// Code is the API error code, "" for a transport error.
func (e *CallError) Code() string {
	var se *sdkerrors.ServerError
	if errors.As(e.Err, &se) {
		return se.ErrorCode()
	}
	return ""
}

// call runs one API call with retries: Throttling* and 5xx answers are
// retried with exponential backoff and jitter, at most MaxAttempts
// times. The call itself holds one of the Concurrency slots (price calls
// one of the PriceConcurrency slots), the backoff does not.
func (c *Catalog) call(ctx context.Context, action, region string, fn func(context.Context) error) error {
	for attempt := 1; ; attempt++ {
		err := c.attempt(ctx, action, fn)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil || !retry.Transient(err) || attempt >= c.opts.MaxAttempts {
			return &CallError{Action: action, Region: region, Err: err}
		}
		if werr := retry.Sleep(ctx, retry.Backoff(c.opts.RetryBase, 32*c.opts.RetryBase, attempt)); werr != nil {
			return &CallError{Action: action, Region: region, Err: werr}
		}
	}
}

func (c *Catalog) attempt(ctx context.Context, action string, fn func(context.Context) error) error {
	sem := c.sem
	if priceActions[action] {
		sem = c.priceSem
	}
	select {
	case sem <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-sem }()
	if c.opts.OnCall != nil {
		c.opts.OnCall(action)
	}
	return fn(ctx)
}

// priceActions are the calls bounded by PriceConcurrency.
var priceActions = map[string]bool{"DescribePrice": true, "DescribeSpotPriceHistory": true}
