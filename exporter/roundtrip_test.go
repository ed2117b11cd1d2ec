package exporter

import (
	"fmt"
	"math/rand"
	"os/exec"
	"strings"
	"testing"

	"github.com/ecslaunch/ecslaunch/request"
)

// nasty are pieces random values are built from: everything a shell or a
// YAML writer could get wrong.
var nasty = []string{
	"a", "Z9", " ", "  ", "'", "''", `"`, `\`, `\\`, "$", "$HOME", "${", "}", "$(id)", "`id`",
	"\n", "\t", "\r\n", "#", "~", "*", "?", "[a]", "!", "&", ";", "|", "<", ">", "(", ")",
	"=", "%", "--", ":", "中文", "é", "🙂", "-", "true", "null", "0x1F", "{a: b}", "- x", ": ", "…",
	"${ECS_PASSWORD}", "${TEAM}", "$${X}", "${1}", "\\n", "%{x}",
}

// randomValue builds a value of the spec's type; strings are nasty.
func randomValue(rng *rand.Rand, s request.Spec) string {
	return randomValueOf(rng, s, nasty)
}

// noBreaks is nasty without line breaks.
var noBreaks = func() []string {
	var out []string
	for _, p := range nasty {
		if !strings.ContainsAny(p, "\r\n") {
			out = append(out, p)
		}
	}
	return out
}()

func randomValueOf(rng *rand.Rand, s request.Spec, pieces []string) string {
	switch s.Type {
	case request.Integer:
		return fmt.Sprint(rng.Intn(1000))
	case request.Boolean:
		return []string{"true", "false"}[rng.Intn(2)]
	case request.Float:
		return fmt.Sprintf("%.3f", rng.Float64())
	}
	if s.Secret {
		return "${ECS_PASSWORD}" // a literal would be replaced by its reference
	}
	var b strings.Builder
	for n := 1 + rng.Intn(5); n > 0; n-- {
		b.WriteString(pieces[rng.Intn(len(pieces))])
	}
	return b.String()
}

// randomRequest sets a random subset of the parameters, repeat lists with
// 1–3 contiguous items.
func randomRequest(rng *rand.Rand) *request.Request {
	return randomRequestOf(rng, nasty)
}

func randomRequestOf(rng *rand.Rand, pieces []string) *request.Request {
	r := request.New()
	for _, s := range request.Specs() {
		if rng.Intn(4) != 0 {
			continue
		}
		n := 1
		if strings.Contains(s.Pattern, ".N") {
			n = 1 + rng.Intn(3)
		}
		for i := 1; i <= n; i++ {
			for _, key := range indexed(s.Pattern, i) {
				_ = r.Set(key, randomValueOf(rng, s, pieces))
			}
		}
	}
	r.Compact()
	return r
}

// indexed fills the outer N of a pattern with i; an inner list
// (NetworkInterface.N.SecurityGroupIds.N) gets items 1..i.
func indexed(pattern string, i int) []string {
	outer, inner, nested := strings.Cut(pattern, ".N.")
	if !nested || !strings.Contains(inner, ".N") && !strings.HasSuffix(inner, "N") {
		return []string{withIndex(pattern, i)}
	}
	var out []string
	for j := 1; j <= i; j++ {
		out = append(out, fmt.Sprintf("%s.%d.%s", outer, i, withIndex(inner, j)))
	}
	return out
}

const propertyRuns = 300

// TestCLIRoundTrip: for random valid requests, cli export → ImportCLI
// gives the same request and the same global options.
func TestCLIRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	for run := 0; run < propertyRuns; run++ {
		req := randomRequest(rng)
		o := Options{Profile: randomValue(rng, request.Spec{}), Region: "cn-hangzhou", Idempotent: req.Has("ClientToken")}
		res, err := Export(req, CLI, o)
		if err != nil {
			t.Fatal(err)
		}
		back, bo, err := ImportCLI(res.Text)
		if err != nil {
			t.Fatalf("run %d: import: %v\n%s", run, err, res.Text)
		}
		if !back.Equal(req) {
			t.Fatalf("run %d: round trip changed the request\nexport:\n%s\n%s", run, res.Text, diff(back, req))
		}
		if bo.Profile != o.Profile || bo.Region != o.Region || bo.Idempotent != o.Idempotent {
			t.Fatalf("run %d: options %+v, want %+v", run, bo, o)
		}
	}
}

// TestYAMLRoundTrip: yaml export → request.ParseFile gives the same
// request. Values with line breaks hit yaml.v3 block-scalar bugs in
// request.File.Marshal (reported): for those the export must name every
// parameter that does not read back, so nothing is lost silently.
func TestYAMLRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	lost, strict := 0, 0
	for run := 0; run < propertyRuns; run++ {
		pieces := nasty
		if run%2 == 0 {
			pieces = noBreaks
		}
		req := randomRequestOf(rng, pieces)
		o := Options{Description: randomValueOf(rng, request.Spec{}, pieces), Ask: []string{"InstanceName", "Tag"}}
		res, err := Export(req, YAML, o)
		if err != nil {
			t.Fatal(err)
		}
		f, perr := request.ParseFile([]byte(res.Text))
		if !hasLineBreak(req, o.Description) {
			if perr != nil || !f.Request.Equal(req) || f.Description != o.Description {
				t.Fatalf("run %d: round trip changed the file (%v)\n%s", run, perr, res.Text)
			}
			strict++
			continue
		}
		if perr != nil {
			if !strings.Contains(strings.Join(res.Notes, "\n"), "does not read back") {
				t.Fatalf("run %d: the file does not parse (%v) and the notes %q do not say so", run, perr, res.Notes)
			}
			lost++
			continue
		}
		for _, k := range append(req.Keys(), f.Request.Keys()...) {
			if f.Request.Get(k) != req.Get(k) {
				lost++
				if !notesName(res.Notes, k) {
					t.Fatalf("run %d: %s read back as %q, want %q, and the notes do not say so", run, k, f.Request.Get(k), req.Get(k))
				}
			}
		}
	}
	if strict < propertyRuns/2 {
		t.Fatalf("only %d of %d runs had no line break: the exact round trip was barely tested", strict, propertyRuns)
	}
	t.Logf("%d runs round-tripped exactly; %d values with a line break were lost and named in the notes", strict, lost)
}

func hasLineBreak(r *request.Request, extra string) bool {
	if strings.ContainsAny(extra, "\r\n") {
		return true
	}
	for _, p := range r.Params() {
		if strings.ContainsAny(p.Value, "\r\n") {
			return true
		}
	}
	return false
}

// TestCLIQuotingSurvivesARealShell runs exported commands through sh with
// aliyun replaced by printf, and checks every flag value arrives exactly —
// references expanded by the shell from the environment.
func TestCLIQuotingSurvivesARealShell(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Fatal("no sh on this machine: the quoting test needs a POSIX shell")
	}
	env := map[string]string{"ECS_PASSWORD": "p@ss 'w\"rd $x", "TEAM": "web team", "X": "*", "HOME": "/home/x"}
	rng := rand.New(rand.NewSource(11))
	for run := 0; run < 60; run++ {
		req := randomRequest(rng)
		res, err := Export(req, CLI, Options{Idempotent: req.Has("ClientToken")})
		if err != nil {
			t.Fatal(err)
		}
		script := "printf '%s\\0'" + strings.TrimPrefix(res.Text, "aliyun")
		cmd := exec.Command(sh, "-c", script)
		cmd.Env = []string{"PATH=/usr/bin:/bin"}
		for k, v := range env {
			cmd.Env = append(cmd.Env, k+"="+v)
		}
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("run %d: sh: %v\n%s", run, err, script)
		}
		want, err := req.Resolve(func(n string) (string, bool) { v, ok := env[n]; return v, ok })
		if err != nil {
			t.Fatal(err)
		}
		got := flagValues(strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00")[2:])
		for _, p := range want.Params() {
			if got[p.Name] != p.Value {
				t.Fatalf("run %d: %s arrived as %q, want %q\n%s", run, p.Name, got[p.Name], p.Value, res.Text)
			}
		}
	}
}

// diff lists the parameters two requests disagree on.
func diff(got, want *request.Request) string {
	var b strings.Builder
	for _, r := range []*request.Request{got, want} {
		for _, k := range r.Keys() {
			if got.Get(k) != want.Get(k) {
				fmt.Fprintf(&b, "%s: got %q, want %q\n", k, got.Get(k), want.Get(k))
			}
		}
	}
	return b.String()
}

// TestYAMLLeadingBreakIsNoted: a value the launch file cannot carry
// exactly either reads back unchanged or is named in the notes.
func TestYAMLLeadingBreakIsNoted(t *testing.T) {
	for _, v := range []string{"\nabc", "\n", "\n\nx", "\r\nx"} {
		r := minimalRequest(t)
		mustSet(t, r, "InstanceName", v)
		mustSet(t, r, "Tag.1.Key", v)
		res, err := Export(r, YAML, Options{})
		if err != nil {
			t.Fatal(err)
		}
		f, err := request.ParseFile([]byte(res.Text))
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"InstanceName", "Tag.1.Key"} {
			if f.Request.Get(k) != v && !notesName(res.Notes, k) {
				t.Errorf("%q: %s read back as %q and the notes %q do not say so", v, k, f.Request.Get(k), res.Notes)
			}
		}
	}
}

// flagValues reads --Name value and --Name=value pairs as the CLI does.
func flagValues(args []string) map[string]string {
	got := map[string]string{}
	for i := 0; i < len(args); i++ {
		name := strings.TrimPrefix(args[i], "--")
		if j := strings.IndexAny(name, "=:"); j >= 0 {
			got[name[:j]] = name[j+1:]
			continue
		}
		if i+1 < len(args) {
			got[name] = args[i+1]
			i++
		}
	}
	return got
}
