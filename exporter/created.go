package exporter

import (
	"sort"
	"strconv"
	"strings"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
)

// The kinds of resource an export can create before the instances.
const (
	KindVPC           = "vpc"
	KindVSwitch       = "vswitch"
	KindSecurityGroup = "security-group"
	KindKeyPair       = "key-pair"
)

// Resource is a resource that was created for the request (by the wizard,
// before the launch) and that an export can create again: a VPC, a
// vSwitch, a security group with its rules, a key pair. The request refers
// to it by ID; the cli and terraform exports create it first and refer to
// what they created instead.
type Resource struct {
	// Kind is KindVPC, KindVSwitch, KindSecurityGroup or KindKeyPair.
	Kind string
	// ID is the value the request and the other resources refer to it by:
	// the VpcId, VSwitchId or SecurityGroupId, or the KeyPairName.
	ID string
	// Params are its create call's API parameters, RegionId aside (the
	// request's): CreateVpc's CidrBlock, VpcName, Description; CreateVSwitch's
	// VpcId, ZoneId, CidrBlock, VSwitchName; CreateSecurityGroup's VpcId,
	// SecurityGroupName, SecurityGroupType, Description, with
	// AuthorizeSecurityGroup's Permissions.N.*; ImportKeyPair's KeyPairName
	// and PublicKeyBody — or, for a key pair ECS made with CreateKeyPair,
	// KeyPairName alone.
	Params map[string]string
}

// kindOrder is the order resources are created in: what others refer to
// first.
var kindOrder = map[string]int{KindVPC: 0, KindVSwitch: 1, KindSecurityGroup: 2, KindKeyPair: 3}

// createdPlan is the resources of an export in creation order, each with
// the variable (cli) or resource label (terraform) it is known by.
type createdPlan struct {
	list  []Resource
	names []string // SHELL_VAR_NAME style; the terraform label is derived
	byID  map[string]int
}

// planCreated orders the resources and names them. Unknown kinds and
// resources without an ID are refused: an export would lose them.
func planCreated(rs []Resource) (*createdPlan, error) {
	p := &createdPlan{byID: map[string]int{}}
	for _, r := range rs {
		if _, ok := kindOrder[r.Kind]; !ok {
			return nil, i18n.Errorf("export: created resource %q has an unknown kind %q (one of vpc, vswitch, security-group, key-pair)", r.ID, r.Kind)
		}
		if r.ID == "" {
			return nil, i18n.Errorf("export: a created %s has no ID", createdKind(r.Kind))
		}
		p.list = append(p.list, r)
	}
	sort.SliceStable(p.list, func(i, j int) bool { return kindOrder[p.list[i].Kind] < kindOrder[p.list[j].Kind] })
	count := map[string]int{}
	for i, r := range p.list {
		count[r.Kind]++
		name := strings.ToUpper(strings.ReplaceAll(r.Kind, "-", "_"))
		if r.Kind == KindKeyPair {
			name += "_NAME"
		} else {
			name += "_ID"
		}
		if n := count[r.Kind]; n > 1 {
			name += "_" + strconv.Itoa(n)
		}
		p.names = append(p.names, name)
		p.byID[r.ID] = i
	}
	return p, nil
}

// ref returns the index of the created resource a value names.
func (p *createdPlan) ref(v string) (int, bool) {
	if p == nil {
		return 0, false
	}
	i, ok := p.byID[v]
	return i, ok
}

// rules returns a security group's Permissions.N items in order.
func (r Resource) rules() []map[string]string {
	items := map[int]map[string]string{}
	last := 0
	for k, v := range r.Params {
		rest, ok := strings.CutPrefix(k, "Permissions.")
		if !ok {
			continue
		}
		idx, field, ok := strings.Cut(rest, ".")
		n, err := strconv.Atoi(idx)
		if !ok || err != nil || n < 1 {
			continue
		}
		if items[n] == nil {
			items[n] = map[string]string{}
		}
		items[n][field] = v
		last = max(last, n)
	}
	var out []map[string]string
	for i := 1; i <= last; i++ {
		if items[i] != nil {
			out = append(out, items[i])
		}
	}
	return out
}

// noteCreated says, for the formats that create nothing, which created
// resources the file only refers to.
func noteCreated(n *notes, rs []Resource, format Format) {
	if len(rs) == 0 {
		return
	}
	var what []string
	for _, r := range rs {
		what = append(what, createdName(r))
	}
	n.say(i18n.T("%s refers to what was created for this request (%s) but does not create it: the cli and terraform exports do", format, strings.Join(what, ", ")))
}

// createdKind names a kind of created resource in a note: "VPC",
// "security group" (安全组).
func createdKind(kind string) string {
	switch kind {
	case KindVPC:
		return "VPC"
	case KindVSwitch:
		return i18n.Text("vSwitch")
	case KindSecurityGroup:
		return i18n.Text("security group")
	case KindKeyPair:
		return i18n.Text("key pair")
	}
	return kind
}

// createdName names a created resource in a note: "security group sg-1".
func createdName(r Resource) string { return createdKind(r.Kind) + " " + r.ID }

// withCreatedNotes adds noteCreated's note to a finished result:
// withCreatedNotes(exportX(req, o))(o, f).
func withCreatedNotes(res Result, err error) func(Options, Format) (Result, error) {
	return func(o Options, f Format) (Result, error) {
		if err != nil || len(o.Created) == 0 {
			return res, err
		}
		n := newNotes()
		noteCreated(n, o.Created, f)
		res.Notes = append(n.list(), res.Notes...)
		return res, nil
	}
}

// keyFileOf is where a script writes the private key of a key pair ECS
// makes: ~/.ssh/NAME.pem, as the wizard does.
func keyFileOf(name string) string { return "$HOME/.ssh/" + name + ".pem" }

// requestWithRefs replaces in a copy of req every value that names a
// created resource by ${VAR}, so the command uses what the script created.
func requestWithRefs(req *request.Request, p *createdPlan) *request.Request {
	out := req.Clone()
	for _, prm := range req.Params() {
		if i, ok := p.ref(prm.Value); ok {
			_ = out.Set(prm.Name, "${"+p.names[i]+"}")
		}
	}
	return out
}
