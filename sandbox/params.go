package sandbox

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// params are a request's parameters: the query merged with a form body,
// GET or POST, as the SDK and the aliyun CLI send them.
type params struct{ url.Values }

// maxBody is the largest request body the sandbox reads (the SDKs send
// their parameters in the query; a form body is rarely more than a few KiB).
const maxBody = 1 << 20

// rawRequest is what readRequest took from an HTTP request: the merged
// parameters and the body as read (ACS3 signs its hash).
type rawRequest struct {
	params params
	body   []byte
}

// readRequest merges the URL query and a form-encoded body. A body over
// maxBody is refused (never silently cut), and a query is parsed without
// net/url's cap on the number of parameters, so a GET with 10,000 of them
// is answered like any other request.
func readRequest(r *http.Request) (rawRequest, *apiError) {
	v, err := parseQuery(r.URL.RawQuery)
	if err != nil {
		return rawRequest{}, errMalformed("query")
	}
	var data []byte
	if r.Body != nil && r.Method != http.MethodGet {
		data, err = io.ReadAll(io.LimitReader(r.Body, maxBody+1))
		if err != nil {
			return rawRequest{}, errMalformed("body")
		}
		if len(data) > maxBody {
			return rawRequest{}, errBodyTooLarge
		}
		if len(data) > 0 && !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
			body, err := parseQuery(string(data))
			if err != nil {
				return rawRequest{}, errMalformed("body")
			}
			for k, vs := range body {
				v[k] = append(v[k], vs...)
			}
		}
	}
	return rawRequest{params: params{v}, body: data}, nil
}

// parseQuery is url.ParseQuery without its limit on the number of
// parameters (Go's urlmaxqueryparams, 10,000): the request size is already
// bounded by the header limit and maxBody. Like url.ParseQuery it refuses a
// semicolon and a malformed escape.
func parseQuery(q string) (url.Values, error) {
	v := url.Values{}
	for q != "" {
		var pair string
		pair, q, _ = strings.Cut(q, "&")
		if pair == "" {
			continue
		}
		if strings.Contains(pair, ";") {
			return nil, errors.New("invalid semicolon separator in query")
		}
		key, value, _ := strings.Cut(pair, "=")
		k, err := url.QueryUnescape(key)
		if err != nil {
			return nil, err
		}
		val, err := url.QueryUnescape(value)
		if err != nil {
			return nil, err
		}
		v[k] = append(v[k], val)
	}
	return v, nil
}

// commonParams are the protocol's own parameters, not an action's.
var commonParams = map[string]bool{
	"Action": true, "Version": true, "Format": true, "AccessKeyId": true, "Signature": true,
	"SignatureMethod": true, "SignatureVersion": true, "SignatureNonce": true, "SignatureType": true,
	"Timestamp": true, "SecurityToken": true, "BearerToken": true,
}

// actionParams returns the action's parameters (common ones removed),
// sorted by name, empty values dropped as the SDK never sends them.
func (p params) actionParams() [][2]string {
	var out [][2]string
	for k, vs := range p.Values {
		if commonParams[k] || len(vs) == 0 || vs[0] == "" {
			continue
		}
		out = append(out, [2]string{k, vs[0]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// intParam reads an integer parameter; def when absent. A non-integer is
// InvalidParameter.
func (p params) intParam(name string, def int) (int, error) {
	v := p.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, errInvalid(name, v)
	}
	return n, nil
}

// boolParam reads a boolean parameter; def when absent.
func (p params) boolParam(name string, def bool) (bool, error) {
	v := p.Get(name)
	if v == "" {
		return def, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, errInvalid(name, v)
	}
	return b, nil
}

// list reads a repeat list Name.1, Name.2… in index order.
func (p params) list(name string) []string {
	prefix := name + "."
	type item struct {
		i int
		v string
	}
	var items []item
	for k, vs := range p.Values {
		if !strings.HasPrefix(k, prefix) || len(vs) == 0 {
			continue
		}
		i, err := strconv.Atoi(k[len(prefix):])
		if err != nil {
			continue
		}
		items = append(items, item{i, vs[0]})
	}
	sort.Slice(items, func(a, b int) bool { return items[a].i < items[b].i })
	out := make([]string, 0, len(items))
	for _, it := range items {
		if it.v != "" {
			out = append(out, it.v)
		}
	}
	return out
}

// structList reads Name.N.Field lists into one map per index, in index order.
func (p params) structList(name string) []map[string]string {
	prefix := name + "."
	byIndex := map[int]map[string]string{}
	for k, vs := range p.Values {
		if !strings.HasPrefix(k, prefix) || len(vs) == 0 {
			continue
		}
		rest := k[len(prefix):]
		dot := strings.IndexByte(rest, '.')
		if dot < 0 {
			continue
		}
		i, err := strconv.Atoi(rest[:dot])
		if err != nil {
			continue
		}
		if byIndex[i] == nil {
			byIndex[i] = map[string]string{}
		}
		byIndex[i][rest[dot+1:]] = vs[0]
	}
	idx := make([]int, 0, len(byIndex))
	for i := range byIndex {
		idx = append(idx, i)
	}
	sort.Ints(idx)
	out := make([]map[string]string, 0, len(idx))
	for _, i := range idx {
		out = append(out, byIndex[i])
	}
	return out
}

// jsonList reads a JSON-array string parameter (DescribeInstances
// InstanceIds, DescribeSecurityGroups SecurityGroupIds); a plain value or a
// comma-separated list is accepted too, as older docs describe.
func (p params) jsonList(name string) ([]string, error) {
	v := strings.TrimSpace(p.Get(name))
	if v == "" {
		return nil, nil
	}
	if strings.HasPrefix(v, "[") {
		var out []string
		if err := json.Unmarshal([]byte(v), &out); err != nil {
			return nil, errInvalid(name, v)
		}
		return out, nil
	}
	return strings.Split(v, ","), nil
}
