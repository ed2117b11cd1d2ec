package provision

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/netip"
	"strings"
	"time"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// Lookup finds the user's own public IPv4 address, for an SSH or RDP rule
// that lets only them in.
type Lookup interface {
	PublicAddress(ctx context.Context) (netip.Addr, error)
}

// SSHConnection reads the address of the machine the user logged in from
// (the first field of $SSH_CONNECTION): when ecslaunch runs on a host the
// user reached by ssh, that is where they connect from. A private or
// loopback address is not an answer: it is not what the internet sees.
type SSHConnection struct {
	Getenv func(string) string
}

// PublicAddress implements Lookup.
func (s SSHConnection) PublicAddress(context.Context) (netip.Addr, error) {
	fields := strings.Fields(s.Getenv("SSH_CONNECTION"))
	if len(fields) == 0 {
		return netip.Addr{}, errors.New(i18n.Text("SSH_CONNECTION is not set"))
	}
	a, err := netip.ParseAddr(fields[0])
	if err != nil {
		return netip.Addr{}, i18n.Errorf("SSH_CONNECTION: %q is not an address", fields[0])
	}
	if !isPublic(a.Unmap()) {
		return netip.Addr{}, i18n.Errorf("SSH_CONNECTION: %s is not a public IPv4 address", a)
	}
	return a.Unmap(), nil
}

// isPublic reports whether a is an IPv4 address the internet can see.
func isPublic(a netip.Addr) bool {
	return a.Is4() && a.IsGlobalUnicast() && !a.IsPrivate() && !netip.MustParsePrefix("100.64.0.0/10").Contains(a)
}

// DefaultLookupURL is asked for the address when nothing local knows it:
// it answers the caller's address as plain text. ECSLAUNCH_PUBLIC_IP_URL
// names another such service.
const DefaultLookupURL = "https://checkip.amazonaws.com"

// HTTPLookup asks a URL that answers the caller's address as text.
type HTTPLookup struct {
	URL    string
	Client *http.Client // default: a client with a 5-second timeout
}

// PublicAddress implements Lookup; at most 64 bytes of the answer are read.
func (h HTTPLookup) PublicAddress(ctx context.Context) (netip.Addr, error) {
	c := h.Client
	if c == nil {
		c = &http.Client{Timeout: 5 * time.Second}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, h.URL, nil)
	if err != nil {
		return netip.Addr{}, i18n.Errorf("public address lookup %s: %w", h.URL, err)
	}
	resp, err := c.Do(req)
	if err != nil {
		return netip.Addr{}, i18n.Errorf("public address lookup: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return netip.Addr{}, i18n.Errorf("public address lookup %s: HTTP %d", h.URL, resp.StatusCode)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64))
	if err != nil {
		return netip.Addr{}, i18n.Errorf("public address lookup %s: %w", h.URL, err)
	}
	a, err := netip.ParseAddr(strings.TrimSpace(string(body)))
	if err != nil || !isPublic(a.Unmap()) {
		return netip.Addr{}, i18n.Errorf("public address lookup %s answered %q, not a public IPv4 address", h.URL, strings.TrimSpace(string(body)))
	}
	return a.Unmap(), nil
}

// Chain tries each lookup in turn and answers the first address found.
type Chain []Lookup

// PublicAddress implements Lookup; the error says why each lookup failed.
func (c Chain) PublicAddress(ctx context.Context) (netip.Addr, error) {
	var why []string
	for _, l := range c {
		a, err := l.PublicAddress(ctx)
		if err == nil {
			return a, nil
		}
		why = append(why, err.Error())
	}
	return netip.Addr{}, i18n.Errorf("your public address is not known (%s): type the CIDR block to allow instead", strings.Join(why, "; "))
}

// DefaultLookup is $SSH_CONNECTION, then the URL in
// $ECSLAUNCH_PUBLIC_IP_URL or DefaultLookupURL.
func DefaultLookup(getenv func(string) string) Lookup {
	url := getenv("ECSLAUNCH_PUBLIC_IP_URL")
	if url == "" {
		url = DefaultLookupURL
	}
	return Chain{SSHConnection{Getenv: getenv}, HTTPLookup{URL: url}}
}
