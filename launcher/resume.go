package launcher

import (
	"context"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// ErrTargetNotRecorded: the pending launch was recorded without its
// target (by an older ecslaunch), so nothing proves the current endpoint
// and account are the ones that saw its ClientToken.
var ErrTargetNotRecorded error = errTargetNotRecorded{}

// errTargetNotRecorded is ErrTargetNotRecorded, translated when read.
type errTargetNotRecorded struct{}

func (errTargetNotRecorded) Error() string {
	return i18n.Text("the history did not record where this launch was sent (an older ecslaunch wrote it)")
}

// LatestPending returns the most recent launch whose outcome is unknown.
func (h *History) LatestPending() (Entry, bool, []Warning) {
	pending, warns := h.Pending()
	if len(pending) == 0 {
		return Entry{}, false, warns
	}
	return pending[len(pending)-1], true, warns
}

// Resume re-sends the latest pending launch of h: see ResumeEntry.
func Resume(ctx context.Context, c Client, h *History, o Options, events chan<- Event) (*Outcome, error) {
	e, ok, _ := h.LatestPending()
	if !ok {
		return nil, ErrNothingPending
	}
	return ResumeEntry(ctx, c, h, e, o, events)
}

// CheckTarget reports whether e may be re-sent to o.Target: a
// *TargetMismatchError when it went elsewhere, ErrTargetNotRecorded when
// the history does not say (unless o.AcceptUnrecordedTarget).
func CheckTarget(e Entry, o Options) error {
	if e.Target == nil {
		if o.AcceptUnrecordedTarget {
			return nil
		}
		return ErrTargetNotRecorded
	}
	if o.Target == nil {
		return &TargetMismatchError{Token: e.Token, Recorded: *e.Target, Reason: i18n.Text("the current target is not known")}
	}
	if why := e.Target.Differs(*o.Target); why != "" {
		return &TargetMismatchError{Token: e.Token, Recorded: *e.Target, Reason: why}
	}
	return nil
}

// ResumeEntry re-sends a pending launch with its own ClientToken, to the
// target it was first sent to only (CheckTarget): if the first call got
// through, ECS answers with the instances it created then and creates
// nothing new. The recorded request keeps the user's ${NAME} references;
// they are resolved again from the environment, and a missing one is an
// error naming the variable. o.History is replaced by h.
func ResumeEntry(ctx context.Context, c Client, h *History, e Entry, o Options, events chan<- Event) (*Outcome, error) {
	if err := CheckTarget(e, o); err != nil {
		return nil, err
	}
	req, err := e.RequestModel()
	if err != nil {
		return nil, i18n.Errorf("pending launch %s: %w", e.Token, err)
	}
	o.History, o.Ask = h, e.Ask
	o = o.withDefaults()
	l, err := newLaunch(c, req, e.Token, o, events)
	if err != nil {
		return nil, i18n.Errorf("resume launch %s: %w", e.Token, err)
	}
	l.started, l.out.Resumed = e.Started, true
	l.emit(ctx, Event{Kind: TokenReserved, Needs: needs(e.Request)})
	return l.run(ctx)
}
