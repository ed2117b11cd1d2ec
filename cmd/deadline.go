package cmd

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Phases of a launch, as the --timeout message names them.
const (
	phasePrice  = "the price lookup (DescribePrice); nothing was sent"
	phaseLaunch = "RunInstances (its retries included): whether ECS created the instances is not known, and the launch " +
		"stays pending: `ecslaunch launch --resume` re-sends it with the same ClientToken"
	phaseWait = "the wait for Running: the instances exist"
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

// ranOut is the failure naming the phase the budget ran out in.
func (d *deadline) ranOut(phase string) error {
	return failed(fmt.Errorf("launch --timeout %s ran out during %s", d.budget, phase))
}
