package launcher

import (
	"context"
	"fmt"
)

// Resume re-sends the latest pending launch of h with its own ClientToken:
// if the first call got through, ECS answers with the instances it created
// then and creates nothing new. Secrets are re-resolved from the
// environment (the history keeps only their references); a missing one is
// an error naming the variable. o.History is replaced by h.
func Resume(ctx context.Context, c Client, h *History, o Options, events chan<- Event) (*Outcome, error) {
	pending, _ := h.Pending()
	if len(pending) == 0 {
		return nil, ErrNothingPending
	}
	e := pending[len(pending)-1]
	req, err := e.RequestModel()
	if err != nil {
		return nil, fmt.Errorf("pending launch %s: %w", e.Token, err)
	}
	o.History = h
	o = o.withDefaults()
	l, err := newLaunch(c, req, e.Token, o, events)
	if err != nil {
		return nil, fmt.Errorf("resume launch %s: %w", e.Token, err)
	}
	l.started, l.out.Resumed = e.Started, true
	l.emit(ctx, Event{Kind: TokenReserved, Needs: needs(e.Request)})
	return l.run(ctx)
}
