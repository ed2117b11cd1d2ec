package launcher

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// EventKind says what happened in a launch.
type EventKind int

// The events of a launch, in the order they usually come.
const (
	// TokenReserved: the ClientToken is chosen and the pending launch is in
	// the history; nothing has been sent yet.
	TokenReserved EventKind = iota + 1
	// Attempt: a RunInstances call is being sent (Attempt of MaxAttempts).
	Attempt
	// Retrying: the last attempt got no definitive answer; the same call,
	// with the same token, goes again after Delay.
	Retrying
	// Created: ECS accepted the request; InstanceIDs are known.
	Created
	// InstanceStatus: a poll saw the instances' statuses (Running of Total).
	InstanceStatus
	// Done: the launch is over; Outcome holds the instances.
	Done
	// Failed: the launch failed or was interrupted; Err says why.
	Failed
)

var kindNames = [...]string{"", "TokenReserved", "Attempt", "Retrying", "Created", "InstanceStatus", "Done", "Failed"}

// String names the kind.
func (k EventKind) String() string {
	if k <= 0 || int(k) >= len(kindNames) {
		return fmt.Sprintf("EventKind(%d)", int(k))
	}
	return kindNames[k]
}

// Event is one step of a launch, for a progress bar and a per-instance
// status list.
type Event struct {
	Kind  EventKind
	Time  time.Time
	Token string
	// Attempt and MaxAttempts count RunInstances calls (Attempt, Retrying).
	Attempt, MaxAttempts int
	// Delay is the wait before the next attempt (Retrying).
	Delay time.Duration
	// Err is the reason of a retry or failure, redacted.
	Err string
	// RequestID of the RunInstances answer (Created).
	RequestID   string
	InstanceIDs []string
	// Instances is the latest known state of each instance (InstanceStatus, Done).
	Instances []Instance
	// Running and Total count instances for a progress bar.
	Running, Total int
	// Outcome is set on Done.
	Outcome *Outcome
	// Pending (Failed): the outcome is unknown and the launch stays pending
	// in the history, to be resumed.
	Pending bool
	// Needs lists the environment variables a resume of this launch will
	// need, as the history keeps secrets only as references (TokenReserved).
	Needs []string
}

// finalGrace is how long a last event waits for a listener once the
// launch's context has ended.
const finalGrace = 200 * time.Millisecond

// emit sends an event unless there is no listener; it never outlives ctx.
func emit(ctx context.Context, events chan<- Event, e Event) {
	if events == nil {
		return
	}
	select {
	case events <- e:
	case <-ctx.Done():
	}
}

// emitFinal sends a Done or Failed event: it waits for the listener while
// ctx lives, and only briefly after, so a listener that has gone away
// cannot block the launch from returning.
func emitFinal(ctx context.Context, events chan<- Event, e Event) {
	if events == nil {
		return
	}
	if ctx.Err() == nil {
		emit(ctx, events, e)
		return
	}
	t := time.NewTimer(finalGrace)
	defer t.Stop()
	select {
	case events <- e:
	case <-t.C:
	}
}

// RenderEvent renders an event as one plain-text line for the command.
func RenderEvent(e Event) string {
	switch e.Kind {
	case TokenReserved:
		if len(e.Needs) > 0 {
			return i18n.T("ClientToken %s reserved in the launch history (a resume will need %s set)", e.Token, strings.Join(e.Needs, ", "))
		}
		return i18n.T("ClientToken %s reserved in the launch history", e.Token)
	case Attempt:
		return i18n.T("RunInstances: attempt %d of %d", e.Attempt, e.MaxAttempts)
	case Retrying:
		return i18n.T("no definitive answer (%s); retrying with the same ClientToken in %s", e.Err, e.Delay.Round(time.Millisecond).String())
	case Created:
		return i18n.T("created %d instance(s): %s (RequestId %s)", len(e.InstanceIDs), strings.Join(e.InstanceIDs, ", "), e.RequestID)
	case InstanceStatus:
		return i18n.T("%s %d/%d running: %s", bar(e.Running, e.Total, 20), e.Running, e.Total, statusList(e.Instances))
	case Done:
		return renderDone(e)
	case Failed:
		return renderFailed(e)
	}
	return e.Kind.String()
}

// renderFailed tells a refused launch from one whose outcome is unknown
// and from an interrupted wait, where the instances exist.
func renderFailed(e Event) string {
	switch {
	case len(e.Instances) > 0:
		return i18n.T("stopped waiting (%s); the instances exist, %d/%d running: %s", e.Err, e.Running, e.Total, statusList(e.Instances))
	case e.Pending:
		return i18n.T("launch not confirmed (%s); it stays pending: `ecslaunch launch --resume` re-sends it with the same ClientToken", e.Err)
	}
	return i18n.T("launch failed: %s", e.Err)
}

// renderDone lists every instance with its addresses and ssh command.
func renderDone(e Event) string {
	var b strings.Builder
	switch {
	case e.Outcome != nil && e.Outcome.TimedOut:
		b.WriteString(i18n.T("timed out waiting: %d/%d running (the instances exist; check them later)", e.Running, e.Total))
	default:
		b.WriteString(i18n.T("done: %d/%d running", e.Running, e.Total))
	}
	for _, in := range e.Instances {
		b.WriteString("\n  " + i18n.T("%s  %-8s private %s  public %s", in.ID, in.Status, dash(in.PrivateIP), dash(in.PublicIP)))
		if in.SSH != "" {
			b.WriteString("\n    " + in.SSH)
		}
	}
	return b.String()
}

// bar draws a text progress bar of width cells.
func bar(done, total, width int) string {
	if total <= 0 {
		return "[" + strings.Repeat(" ", width) + "]"
	}
	n := done * width / total
	return "[" + strings.Repeat("#", n) + strings.Repeat(".", width-n) + "]"
}

// statusList renders "i-1 Running, i-2 Pending".
func statusList(ins []Instance) string {
	parts := make([]string, len(ins))
	for i, in := range ins {
		parts[i] = in.ID + " " + in.Status
	}
	return strings.Join(parts, ", ")
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
