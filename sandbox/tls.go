package sandbox

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"time"

	"github.com/ecslaunch/ecslaunch/atomicfile"
)

// The files of a LocalCA in its directory.
const (
	caCertFile = "sandbox-ca.pem"
	caKeyFile  = "sandbox-ca-key.pem"
)

// LocalCA is the certificate authority `sandbox serve --tls` creates once
// and keeps beside the sandbox's state, so a client trusts it once
// (SSL_CERT_FILE, the V2 SDK's runtime ca) and every later start's
// certificate is trusted too. Its key never leaves its directory (0600).
type LocalCA struct {
	// CertPEM is the CA certificate, PEM-encoded: what clients trust.
	CertPEM []byte
	dir     string
	cert    *x509.Certificate
	key     crypto.Signer
}

// LoadOrCreateCA reads the CA kept in dir, or creates it there (and dir)
// when there is none. A CA whose files cannot be read, or whose certificate
// has expired, is an error: it is never silently replaced, since clients
// trust it.
func LoadOrCreateCA(dir string) (*LocalCA, error) {
	certPath, keyPath := filepath.Join(dir, caCertFile), filepath.Join(dir, caKeyFile)
	certPEM, cerr := os.ReadFile(certPath)
	keyPEM, kerr := os.ReadFile(keyPath)
	switch {
	case cerr == nil && kerr == nil:
		return parseCA(dir, certPEM, keyPEM)
	case errors.Is(cerr, os.ErrNotExist) && errors.Is(kerr, os.ErrNotExist):
		return createCA(dir)
	case cerr != nil && !errors.Is(cerr, os.ErrNotExist):
		return nil, fmt.Errorf("sandbox: reading the local CA: %w", cerr)
	case kerr != nil && !errors.Is(kerr, os.ErrNotExist):
		return nil, fmt.Errorf("sandbox: reading the local CA: %w", kerr)
	}
	return nil, fmt.Errorf("sandbox: %s has only one of %s and %s (remove the other to make a new CA)", dir, caCertFile, caKeyFile)
}

func parseCA(dir string, certPEM, keyPEM []byte) (*LocalCA, error) {
	cb, _ := pem.Decode(certPEM)
	kb, _ := pem.Decode(keyPEM)
	if cb == nil || kb == nil {
		return nil, fmt.Errorf("sandbox: the local CA in %s is not PEM (remove both files to make a new one)", dir)
	}
	cert, err := x509.ParseCertificate(cb.Bytes)
	if err != nil {
		return nil, fmt.Errorf("sandbox: the local CA in %s: %w", dir, err)
	}
	k, err := x509.ParsePKCS8PrivateKey(kb.Bytes)
	if err != nil {
		return nil, fmt.Errorf("sandbox: the local CA key in %s: %w", dir, err)
	}
	key, ok := k.(crypto.Signer)
	if !ok {
		return nil, fmt.Errorf("sandbox: the local CA key in %s cannot sign", dir)
	}
	if time.Now().After(cert.NotAfter) {
		return nil, fmt.Errorf("sandbox: the local CA in %s expired on %s (remove both files to make a new one)", dir, cert.NotAfter.Format(time.DateOnly))
	}
	return &LocalCA{CertPEM: certPEM, dir: dir, cert: cert, key: key}, nil
}

func createCA(dir string) (*LocalCA, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber:          serialNumber(),
		Subject:               pkix.Name{Organization: []string{"ecslaunch sandbox"}, CommonName: "ecslaunch sandbox local CA"},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.AddDate(10, 0, 0),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
		MaxPathLenZero:        true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, err
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("sandbox: keeping the local CA: %w", err)
	}
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	if err := writeFileAtomic(filepath.Join(dir, caKeyFile), pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}), 0o600); err != nil {
		return nil, err
	}
	if err := writeFileAtomic(filepath.Join(dir, caCertFile), certPEM, 0o644); err != nil {
		return nil, err
	}
	cert, _ := x509.ParseCertificate(der)
	return &LocalCA{CertPEM: certPEM, dir: dir, cert: cert, key: key}, nil
}

// CertFile is the path of the CA certificate (PEM) in the CA's directory.
func (ca *LocalCA) CertFile() string { return filepath.Join(ca.dir, caCertFile) }

// WriteCert writes the CA certificate (PEM) to path, for --ca-out.
func (ca *LocalCA) WriteCert(path string) error {
	return writeFileAtomic(path, ca.CertPEM, 0o644)
}

// ServerTLS issues a certificate for loopback (127.0.0.1, ::1, localhost)
// and the given extra hosts, valid for a year and signed by the CA, and
// returns a TLS configuration that serves it. Certificates are issued
// afresh at every start; only the CA is kept.
func (ca *LocalCA) ServerTLS(hosts ...string) (*tls.Config, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber: serialNumber(),
		Subject:      pkix.Name{Organization: []string{"ecslaunch sandbox"}, CommonName: "ecslaunch sandbox"},
		NotBefore:    now.Add(-time.Hour),
		NotAfter:     now.AddDate(1, 0, 0),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
		DNSNames:     []string{"localhost"},
	}
	for _, h := range hosts {
		if ip := net.ParseIP(h); ip != nil {
			tmpl.IPAddresses = append(tmpl.IPAddresses, ip)
		} else if h != "" {
			tmpl.DNSNames = append(tmpl.DNSNames, h)
		}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca.cert, &key.PublicKey, ca.key)
	if err != nil {
		return nil, fmt.Errorf("sandbox: issuing the server certificate: %w", err)
	}
	leaf, _ := x509.ParseCertificate(der)
	return &tls.Config{MinVersion: tls.VersionTLS12,
		Certificates: []tls.Certificate{{Certificate: [][]byte{der, ca.cert.Raw}, PrivateKey: key, Leaf: leaf}}}, nil
}

// Pool is a certificate pool holding the CA only, for Go clients in tests.
func (ca *LocalCA) Pool() *x509.CertPool {
	p := x509.NewCertPool()
	p.AddCert(ca.cert)
	return p
}

func serialNumber() *big.Int {
	n, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		return big.NewInt(time.Now().UnixNano())
	}
	return n
}

// writeFileAtomic writes data to path through atomicfile (a temporary
// file in the same directory and a rename), with the mode given.
func writeFileAtomic(path string, data []byte, mode os.FileMode) error {
	if err := atomicfile.Write(path, data, mode); err != nil {
		return fmt.Errorf("sandbox: writing %s: %w", path, err)
	}
	return nil
}

// DefaultStateDir is where `sandbox serve` keeps what outlives a run when
// no --state is given (the local CA): the user's config directory.
func DefaultStateDir() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("sandbox: no directory for the local CA (give --state): %w", err)
	}
	return filepath.Join(dir, "ecslaunch", "sandbox"), nil
}
