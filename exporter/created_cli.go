package exporter

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
)

// exportScript writes the cli export of a request with created resources:
// a POSIX shell script that creates each resource, captures its ID with
// --cli-query, waits for a VPC or vSwitch to be Available (--waiter), and
// ends with the RunInstances command referring to what it created.
func exportScript(req *request.Request, o Options) (Result, error) {
	p, err := planCreated(o.Created)
	if err != nil {
		return Result{}, err
	}
	n := newNotes()
	r, err := withClientToken(req, o, n)
	if err != nil {
		return Result{}, err
	}
	r, replaced := r.WithSecretReferences()
	secretNotes(n, replaced, secretInCommand)
	noteCLIMeta(r, n)
	s := &scriptWriter{o: o, p: p, region: firstNonEmpty(r.Get("RegionId"), o.Region), token: r.Get("ClientToken")}
	s.b.WriteString("#!/bin/sh\n")
	s.b.WriteString("# Creates what this request was launched with, then launches it (ecslaunch export --format cli).\n")
	s.b.WriteString("# Each create call's ID is captured with --cli-query and used by the calls after it.\n")
	s.b.WriteString("set -eu\n")
	for i := range p.list {
		s.b.WriteString("\n")
		s.create(i)
	}
	args := globalFlags(o)
	for _, prm := range requestWithRefs(r, p).Params() {
		args = append(args, flag(prm.Name, prm.Value))
	}
	s.b.WriteString("\n# the instances\n")
	s.b.WriteString(command("aliyun ecs RunInstances", args))
	if len(p.list) > 0 {
		if o.Idempotent {
			n.say(i18n.T("the script creates %s before RunInstances; run it once (a second run creates them again, except where a ClientToken makes a call idempotent)", createdList(p.list)))
		} else {
			n.say(i18n.T("the script creates %s before RunInstances; run it once (a second run creates them again)", createdList(p.list)))
		}
	}
	return Result{Text: s.b.String(), Notes: n.list()}, nil
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

// createdList names the resources in a note: "VPC vpc-1, vSwitch vsw-1".
func createdList(rs []Resource) string {
	var out []string
	for _, r := range rs {
		out = append(out, createdName(r))
	}
	return strings.Join(out, ", ")
}

// scriptWriter builds the script, one created resource at a time.
type scriptWriter struct {
	b      strings.Builder
	o      Options
	p      *createdPlan
	region string
	token  string
}

// args renders a create call's flags: the global ones, RegionId, the
// parameters in order (references to created resources as ${VAR}), and a
// ClientToken derived from the request's when the export is idempotent.
func (s *scriptWriter) args(params map[string]string, order []string, i int, tokens bool) []string {
	args := globalFlags(s.o)
	if s.region != "" {
		args = append(args, flag("RegionId", s.region))
	}
	for _, k := range order {
		v, ok := params[k]
		if !ok {
			continue
		}
		if j, ok := s.p.ref(v); ok && j != i {
			v = "${" + s.p.names[j] + "}"
		}
		args = append(args, flag(k, v))
	}
	if tokens && s.o.Idempotent && s.token != "" {
		t := s.token + "-" + strconv.Itoa(i+1)
		if len(t) > 64 { // ClientToken takes 64 ASCII characters (docs/rules.md T1-92)
			t = t[len(t)-64:]
		}
		args = append(args, flag("ClientToken", t))
	}
	return args
}

// capture writes NAME=$(command … --cli-query FIELD | tr -d '"'): the CLI
// prints the queried string JSON-quoted.
func (s *scriptWriter) capture(name, head string, args []string, field string) {
	args = append(args, flag("cli-query", field))
	fmt.Fprintf(&s.b, "%s=$(%s | tr -d '\"')\n", name, strings.TrimSuffix(command(head, args), "\n"))
}

// quiet writes a command whose JSON answer is not needed.
func (s *scriptWriter) quiet(head string, args []string) {
	fmt.Fprintf(&s.b, "%s >/dev/null\n", strings.TrimSuffix(command(head, args), "\n"))
}

// The parameters each create call takes, in the order the script writes them.
var (
	vpcOrder     = []string{"CidrBlock", "VpcName", "Description", "ResourceGroupId"}
	vSwitchOrder = []string{"VpcId", "ZoneId", "CidrBlock", "VSwitchName", "Description"}
	groupOrder   = []string{"VpcId", "SecurityGroupName", "SecurityGroupType", "Description", "ResourceGroupId"}
	ruleOrder    = []string{"IpProtocol", "PortRange", "SourceCidrIp", "SourceGroupId", "Policy", "Priority", "NicType", "Description"}
)

func (s *scriptWriter) create(i int) {
	r, name := s.p.list[i], s.p.names[i]
	ref := "\"${" + name + "}\""
	switch r.Kind {
	case KindVPC:
		fmt.Fprintf(&s.b, "# VPC (%s), waited for until Available\n", orText(r.Params["CidrBlock"], "its default CIDR block"))
		s.capture(name, "aliyun vpc CreateVpc", s.args(r.Params, vpcOrder, i, true), "VpcId")
		s.wait("aliyun vpc DescribeVpcs", "VpcId", ref, "Vpcs.Vpc[0].Status")
	case KindVSwitch:
		fmt.Fprintf(&s.b, "# vSwitch (%s in %s), waited for until Available\n", r.Params["CidrBlock"], r.Params["ZoneId"])
		s.capture(name, "aliyun vpc CreateVSwitch", s.args(r.Params, vSwitchOrder, i, true), "VSwitchId")
		s.wait("aliyun vpc DescribeVSwitches", "VSwitchId", ref, "VSwitches.VSwitch[0].Status")
	case KindSecurityGroup:
		rules := r.rules()
		fmt.Fprintf(&s.b, "# security group with %d rule(s)\n", len(rules))
		s.capture(name, "aliyun ecs CreateSecurityGroup", s.args(r.Params, groupOrder, i, true), "SecurityGroupId")
		// One call per rule with the top-level rule parameters: the CLI's
		// metadata takes Permissions only as a JSON value it forwards as it
		// is, and checks the top-level ones.
		for _, rule := range rules {
			args := s.args(nil, nil, i, false)
			args = append(args, "--SecurityGroupId "+ref)
			for _, k := range ruleOrder {
				if v, ok := rule[k]; ok {
					args = append(args, flag(k, v))
				}
			}
			s.quiet("aliyun ecs AuthorizeSecurityGroup", args)
		}
	case KindKeyPair:
		s.keyPair(r, name, i)
	}
}

// wait writes a --waiter call that polls until the resource is Available.
func (s *scriptWriter) wait(head, param, ref, expr string) {
	args := s.args(nil, nil, 0, false)
	args = append(args, "--"+param+" "+ref, "--waiter "+shellQuote("expr="+expr)+" to=Available interval=2")
	s.quiet(head, args)
}

// keyPair imports the public key, or has ECS make the key pair and writes
// its private key — answered once — to ~/.ssh/NAME.pem, refusing to
// overwrite a file that exists before anything is created.
func (s *scriptWriter) keyPair(r Resource, name string, i int) {
	kp := r.Params["KeyPairName"]
	if kp == "" {
		kp = r.ID
	}
	params := map[string]string{"KeyPairName": kp}
	if body := r.Params["PublicKeyBody"]; body != "" {
		params["PublicKeyBody"] = body
		s.b.WriteString("# key pair: the public key is imported\n")
		s.quiet("aliyun ecs ImportKeyPair", s.args(params, []string{"KeyPairName", "PublicKeyBody"}, i, false))
	} else {
		file := "\"" + keyFileOf(kp) + "\""
		s.b.WriteString("# key pair: ECS makes it and answers its private key once; it goes to ~/.ssh/" + kp + ".pem (mode 0600),\n")
		s.b.WriteString("# never over a file that exists, and never to the terminal\n")
		fmt.Fprintf(&s.b, "if [ -e %s ]; then echo \"%s exists: not overwritten, key pair not created\" >&2; exit 1; fi\n", file, keyFileOf(kp))
		s.b.WriteString("mkdir -p \"$HOME/.ssh\" && chmod 700 \"$HOME/.ssh\"\n")
		s.capture("PRIVATE_KEY", "aliyun ecs CreateKeyPair", s.args(params, []string{"KeyPairName"}, i, false), "PrivateKeyBody")
		fmt.Fprintf(&s.b, "(umask 077 && set -C && printf '%%b' \"$PRIVATE_KEY\" > %s)\n", file)
		s.b.WriteString("unset PRIVATE_KEY\n")
	}
	fmt.Fprintf(&s.b, "%s=%s\n", name, shellQuote(kp))
}

func orText(v, def string) string {
	if v == "" {
		return def
	}
	return v
}
