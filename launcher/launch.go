package launcher

import (
	"context"
	"errors"
	"os"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/cloud"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/retry"
)

// Defaults for the zero Options fields.
const (
	DefaultTimeout      = 10 * time.Minute
	DefaultPollInterval = 2 * time.Second
	DefaultMaxAttempts  = 8
	DefaultBackoff      = time.Second
	DefaultMaxBackoff   = 30 * time.Second
	// maxPollInterval caps the growing delay between status polls.
	maxPollInterval = 15 * time.Second
)

// Options tune a launch. The zero value launches with the defaults but
// does not wait for Running; History is required.
type Options struct {
	// History records the launch before the first call and after.
	History *History
	// Wait polls until every instance is Running or Timeout passes.
	Wait bool
	// Timeout bounds the wait for Running (default 10 minutes).
	Timeout time.Duration
	// PollInterval is the first delay between status polls (default 2s);
	// it grows by half each poll.
	PollInterval time.Duration
	// MaxAttempts bounds the RunInstances calls of one launch (default 8).
	// Failed status polls are not counted: they are retried at the next
	// poll until Timeout.
	MaxAttempts int
	// Backoff is the first retry delay (default 1s); it doubles per attempt,
	// with jitter, up to MaxBackoff (default 30s).
	Backoff, MaxBackoff time.Duration
	// Now stamps history records and events (default time.Now).
	Now func() time.Time
	// NewToken makes the ClientToken (default NewToken).
	NewToken func() string
	// Scheme of every call: "https" by default, "http" for the sandbox.
	Scheme string
	// LookupEnv resolves ${NAME} references (default: the environment, a
	// variable set to "" counting as unset).
	LookupEnv func(string) (string, bool)
	// Target is where the calls go; it is recorded with the pending launch
	// so that a resume is sent only there (a ClientToken is known only to
	// the endpoint and account that saw it).
	Target *Target
	// AcceptUnrecordedTarget lets Resume re-send a launch recorded by an
	// older ecslaunch, which did not record its target; the caller must
	// have asked the user first.
	AcceptUnrecordedTarget bool
	// Ask is the launch file's ask: list. ${NAME} references may stand in
	// Password, UserData and these parameters only
	// (request.CheckReferences); it is recorded with the launch so a resume
	// applies the same rule.
	Ask []string
}

// withDefaults fills the zero fields.
func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.PollInterval <= 0 {
		o.PollInterval = DefaultPollInterval
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = DefaultMaxAttempts
	}
	if o.Backoff <= 0 {
		o.Backoff = DefaultBackoff
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = max(DefaultMaxBackoff, o.Backoff)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.NewToken == nil {
		o.NewToken = NewToken
	}
	if o.LookupEnv == nil {
		o.LookupEnv = lookupNonEmpty
	}
	return o
}

// lookupNonEmpty reads the environment for ${NAME} references. A variable
// set to "" counts as unset: resolving ${ECS_PASSWORD} to "" would drop the
// Password and launch the instances without one.
func lookupNonEmpty(name string) (string, bool) {
	v, ok := os.LookupEnv(name)
	return v, ok && v != ""
}

// Instance is one launched instance as last seen.
type Instance struct {
	ID        string `json:"id"`
	Status    string `json:"status"`
	PrivateIP string `json:"privateIp,omitempty"`
	PublicIP  string `json:"publicIp,omitempty"`
	OSType    string `json:"osType,omitempty"`
	// SSH is a ready-to-paste command; empty for Windows or without an IP.
	SSH string `json:"ssh,omitempty"`
}

// Outcome is what a launch created.
type Outcome struct {
	Token      string
	RegionID   string
	RequestID  string
	OrderID    string
	TradePrice float64
	Instances  []Instance
	// Attempts is the number of RunInstances calls sent.
	Attempts int
	// Resumed is set when the outcome comes from Resume.
	Resumed bool
	// TimedOut is set when the wait ended before every instance ran.
	TimedOut bool
}

// Running counts the instances seen Running.
func (o *Outcome) Running() int {
	n := 0
	for _, in := range o.Instances {
		if in.Status == StatusRunning {
			n++
		}
	}
	return n
}

// IDs lists the instance IDs.
func (o *Outcome) IDs() []string {
	ids := make([]string, len(o.Instances))
	for i, in := range o.Instances {
		ids[i] = in.ID
	}
	return ids
}

// Instance statuses the launcher reasons about (docs/api-shapes.md §15).
const (
	StatusPending = "Pending"
	StatusRunning = "Running"
)

// Errors a launch can end with, besides *APIError and *TransportError.
var (
	// ErrNoHistory: a launch needs a history to record its token first.
	ErrNoHistory error = errNoHistory{}
	// ErrWaitTimeout: the instances exist but were not all Running in time.
	ErrWaitTimeout error = errWaitTimeout{}
	// ErrNothingPending: Resume found no pending launch in the history.
	ErrNothingPending error = errNothingPending{}
)

// The errors above are values (errors.Is matches them) whose text is
// translated when it is read, in the language chosen by then.
type (
	errNoHistory      struct{}
	errWaitTimeout    struct{}
	errNothingPending struct{}
)

func (errNoHistory) Error() string {
	return i18n.Text("launch needs a history: the ClientToken must be recorded before the first call")
}
func (errWaitTimeout) Error() string    { return i18n.Text("timed out waiting for the instances to run") }
func (errNothingPending) Error() string { return i18n.Text("no pending launch in the history") }

// Launch creates the instances of req exactly once. It reserves a
// ClientToken (req's own, or a new one), records the pending launch in
// o.History, sends RunInstances (retrying transport errors, 5xx and
// throttling with the same token and a fresh SDK request), records the
// result and, with o.Wait, waits for Running. Progress goes to events,
// which may be nil. If ctx ends mid-call the launch stays pending in the
// history for Resume.
func Launch(ctx context.Context, c Client, req *request.Request, o Options, events chan<- Event) (*Outcome, error) {
	o = o.withDefaults()
	if o.History == nil {
		return nil, ErrNoHistory
	}
	if err := ctx.Err(); err != nil {
		return nil, err // given up before starting: leave no pending launch behind
	}
	token := req.Get("ClientToken")
	if token == "" {
		token = o.NewToken()
	}
	if !validToken(token) {
		return nil, i18n.Errorf("ClientToken %q: must be 1 to 64 ASCII characters (docs/rules.md T1-92)", token)
	}
	l, err := newLaunch(c, req, token, o, events)
	if err != nil {
		return nil, err
	}
	safe := l.safeParams()
	if err := l.record(Entry{State: StatePending, Request: safe, Ask: o.Ask, Target: targetIn(o.Target, l.region)}); err != nil {
		return nil, err
	}
	l.emit(ctx, Event{Kind: TokenReserved, Needs: needs(safe)})
	return l.run(ctx)
}

// targetIn is t in the request's region when t names none (the wizard
// knows its endpoint before the user has chosen a region).
func targetIn(t *Target, region string) *Target {
	if t == nil || t.Region != "" {
		return t
	}
	c := *t
	c.Region = region
	return &c
}

// launch is one launch in progress.
type launch struct {
	c        Client
	req      *request.Request // without ClientToken and DryRun; secrets as given
	resolved *request.Request // secrets resolved, ready for SDK()
	token    string
	region   string
	started  time.Time
	o        Options
	events   chan<- Event
	out      *Outcome
}

// newLaunch checks where the request's environment references stand,
// registers the secrets they resolve to for redaction, resolves them and
// checks that the request converts to an SDK request, so a broken request
// fails before any call.
func newLaunch(c Client, req *request.Request, token string, o Options, events chan<- Event) (*launch, error) {
	base := req.Clone()
	base.Delete("ClientToken")
	base.Delete("DryRun") // a launch is real; DryRun has its own function
	if err := CheckReferences(base, o.Ask); err != nil {
		return nil, err
	}
	cloud.RegisterSecret(base.Sensitive(o.LookupEnv)...)
	resolved, err := base.Resolve(o.LookupEnv)
	if err != nil {
		return nil, err
	}
	if _, err := resolved.SDK(); err != nil {
		return nil, err
	}
	region := req.Get("RegionId")
	return &launch{c: c, req: base, resolved: resolved, token: token, region: region, started: o.Now(), o: o,
		events: events, out: &Outcome{Token: token, RegionID: region}}, nil
}

// safeParams is the request as the history keeps it: token included,
// every literal secret replaced by its environment reference.
func (l *launch) safeParams() map[string]string {
	safe, _ := l.req.WithSecretReferences()
	m := map[string]string{"ClientToken": l.token}
	for _, p := range safe.Params() {
		m[p.Name] = p.Value
	}
	return m
}

// needs lists the environment variables recorded parameters refer to.
func needs(params map[string]string) []string {
	r := request.New()
	for k, v := range params {
		_ = r.Set(k, v) // names come from a valid request
	}
	return r.References()
}

// record appends the launch's current state to the history.
func (l *launch) record(e Entry) error {
	e.Time, e.Started, e.Token, e.Region = l.o.Now(), l.started, l.token, l.region
	return l.o.History.Append(e)
}

// emit stamps and sends an event.
func (l *launch) emit(ctx context.Context, e Event) {
	e.Time, e.Token = l.o.Now(), l.token
	emit(ctx, l.events, e)
}

// emitFinal stamps and sends a last event.
func (l *launch) emitFinal(ctx context.Context, e Event) {
	e.Time, e.Token = l.o.Now(), l.token
	emitFinal(ctx, l.events, e)
}

// run sends the request, records the answer and waits if asked.
func (l *launch) run(ctx context.Context) (*Outcome, error) {
	resp, err := l.send(ctx)
	if err != nil {
		return nil, l.fail(ctx, err)
	}
	l.created(resp)
	if err := l.record(Entry{State: StateCreated, RequestID: l.out.RequestID, InstanceIDs: l.out.IDs(), Instances: l.out.Instances}); err != nil {
		return l.out, err
	}
	l.emit(ctx, Event{Kind: Created, RequestID: l.out.RequestID, InstanceIDs: l.out.IDs(), Total: len(l.out.Instances)})
	if !l.o.Wait {
		l.done(ctx)
		return l.out, nil
	}
	return l.out, l.finish(ctx, l.wait(ctx))
}

// fail records why no instances are known and reports it. Only a
// definitive API answer marks the launch failed; after a cancel or lost
// answers it stays pending, as the instances may exist.
func (l *launch) fail(ctx context.Context, err error) error {
	state := StatePending
	var api *APIError
	var build *BuildError
	if errors.As(err, &api) || errors.As(err, &build) {
		state = StateFailed
	}
	msg := Redact(err.Error())
	if rerr := l.record(Entry{State: state, Error: msg}); rerr != nil {
		err = errors.Join(err, rerr)
	}
	l.emitFinal(ctx, Event{Kind: Failed, Err: msg, Pending: state == StatePending})
	if state == StatePending && classify(err) != errCancelled {
		return i18n.Errorf("%w (the launch is still pending: `ecslaunch launch --resume` re-sends it with the same ClientToken)", err)
	}
	return err
}

// created fills the outcome from the RunInstances answer.
func (l *launch) created(resp *ecs.RunInstancesResponse) {
	l.out.RequestID, l.out.OrderID, l.out.TradePrice = resp.RequestId, resp.OrderId, resp.TradePrice
	l.out.Instances = l.out.Instances[:0]
	for _, id := range resp.InstanceIdSets.InstanceIdSet {
		l.out.Instances = append(l.out.Instances, Instance{ID: id, Status: StatusPending})
	}
}

// finish records the result of the wait.
func (l *launch) finish(ctx context.Context, waitErr error) error {
	state := StateRunning
	switch {
	case errors.Is(waitErr, ErrWaitTimeout):
		state, l.out.TimedOut = StateTimedOut, true
	case waitErr != nil:
		state = StateCreated
	}
	e := Entry{State: state, Instances: l.out.Instances}
	if waitErr != nil {
		e.Error = Redact(waitErr.Error())
	}
	if err := l.record(e); err != nil {
		return errors.Join(waitErr, err)
	}
	if waitErr == nil || state == StateTimedOut {
		l.done(ctx)
	} else {
		l.emitFinal(ctx, Event{Kind: Failed, Err: e.Error, Instances: l.out.Instances,
			Running: l.out.Running(), Total: len(l.out.Instances)})
	}
	return waitErr
}

// done emits the final event.
func (l *launch) done(ctx context.Context) {
	l.emitFinal(ctx, Event{Kind: Done, Outcome: l.out, Instances: l.out.Instances,
		Running: l.out.Running(), Total: len(l.out.Instances)})
}

// send calls RunInstances until it gets a definitive answer: every attempt
// is a fresh SDK request carrying the same ClientToken, so ECS carries the
// launch out at most once however many answers are lost (docs/sdk-notes.md §5).
func (l *launch) send(ctx context.Context) (*ecs.RunInstancesResponse, error) {
	for attempt := 1; ; attempt++ {
		l.out.Attempts = attempt
		l.emit(ctx, Event{Kind: Attempt, Attempt: attempt, MaxAttempts: l.o.MaxAttempts})
		resp, err := l.runOnce(ctx)
		if err == nil {
			return resp, nil
		}
		kind := classify(err)
		if kind == errAPI || kind == errCancelled || attempt == l.o.MaxAttempts {
			return nil, cleanError(err)
		}
		delay := retry.Backoff(l.o.Backoff, l.o.MaxBackoff, attempt)
		l.emit(ctx, Event{Kind: Retrying, Attempt: attempt, MaxAttempts: l.o.MaxAttempts, Delay: delay,
			Err: cleanError(err).Error()})
		if err := retry.Sleep(ctx, delay); err != nil {
			return nil, err
		}
	}
}

// runOnce sends one RunInstances call built from scratch.
func (l *launch) runOnce(ctx context.Context) (*ecs.RunInstancesResponse, error) {
	sreq, err := l.resolved.SDK()
	if err != nil {
		return nil, &BuildError{Err: err}
	}
	sreq.ClientToken = l.token
	setScheme(sreq, l.o.Scheme)
	return call(ctx, func() (*ecs.RunInstancesResponse, error) { return l.c.RunInstances(sreq) })
}

// CheckReferences reports every ${NAME} reference req may not hold, given
// the launch file's ask: list (request.CheckReferences), as one error; nil
// when there is none.
func CheckReferences(req *request.Request, ask []string) error {
	var errs []error
	for _, e := range req.CheckReferences(ask) {
		errs = append(errs, e)
	}
	return errors.Join(errs...)
}
