package cmd

import (
	"context"
	"errors"
	"time"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// deadline is launch's --timeout: one budget over every phase of the
// command (the price lookup, RunInstances with its retries, the wait for
// Running), paused only while a person is asked to confirm. Against a
// 30 s-latency endpoint a 10-minute --timeout used to bound only the wait,
// and a launch ran for 248 s before it.
type deadline struct {
	parent context.Context
	budget time.Duration
	spent  time.Duration
	start  time.Time
	ctx    context.Context
	cancel context.CancelFunc
}

func newDeadline(parent context.Context, budget time.Duration) *deadline {
	d := &deadline{parent: parent, budget: budget}
	d.resume()
	return d
}

// Context is the context every call of the command runs under.
func (d *deadline) Context() context.Context { return d.ctx }

// pause stops the clock while the user is asked; resume restarts it with
// what is left of the budget.
func (d *deadline) pause() {
	d.spent += time.Since(d.start)
	d.cancel()
}

func (d *deadline) resume() {
	d.start = time.Now()
	d.ctx, d.cancel = context.WithTimeout(d.parent, d.budget-d.spent)
}

// Stop releases the timer.
func (d *deadline) Stop() { d.cancel() }

// expired reports whether the budget ran out (and not the user's Ctrl+C).
func (d *deadline) expired() bool {
	return errors.Is(d.ctx.Err(), context.DeadlineExceeded) && d.parent.Err() == nil
}

// ranOutPricing, ranOutLaunching and ranOutWaiting are the failures
// naming the phase the budget ran out in, and what it means.
func (d *deadline) ranOutPricing() error {
	return failed(i18n.Errorf("launch --timeout %s ran out during the price lookup (DescribePrice); nothing was sent", d.budget))
}

func (d *deadline) ranOutLaunching() error {
	return failed(i18n.Errorf("launch --timeout %s ran out during RunInstances (its retries included): whether ECS created "+
		"the instances is not known, and the launch stays pending: `ecslaunch launch --resume` re-sends it with the same ClientToken", d.budget))
}

func (d *deadline) ranOutWaiting(running, total int) error {
	return failed(i18n.Errorf("launch --timeout %s ran out during the wait for Running: the instances exist, %d of %d Running",
		d.budget, running, total))
}
