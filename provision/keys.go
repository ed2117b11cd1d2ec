package provision

import (
	"context"
	"crypto/md5"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/exporter"
	"github.com/ecslaunch/ecslaunch/i18n"
)

// Files is the file system provision reads public keys from and writes
// private keys to.
type Files interface {
	// ReadDir lists a directory.
	ReadDir(dir string) ([]fs.DirEntry, error)
	// ReadFile reads a regular file of at most limit bytes.
	ReadFile(path string, limit int64) ([]byte, error)
	// Exists reports whether anything is at path.
	Exists(path string) (bool, error)
	// WriteNew creates path with mode 0600 and writes data to it; it fails
	// if anything is at path: a key file is never overwritten.
	WriteNew(path string, data []byte) error
	// Prepare makes dir (0700) if it is missing and proves a file can be
	// created in it, before a key whose private half comes only once.
	Prepare(dir string) error
}

// OSFiles is Files on the local file system.
type OSFiles struct{}

// ReadDir implements Files.
func (OSFiles) ReadDir(dir string) ([]fs.DirEntry, error) { return os.ReadDir(dir) }

// ReadFile implements Files: a FIFO or device is refused, not read (it
// is opened non-blocking, so opening a FIFO cannot hang).
func (OSFiles) ReadFile(path string, limit int64) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New(i18n.Text("not a regular file"))
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, i18n.Errorf("larger than %d bytes", limit)
	}
	return data, nil
}

// Exists implements Files.
func (OSFiles) Exists(path string) (bool, error) {
	_, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	return err == nil, err
}

// WriteNew implements Files: O_EXCL, 0600, synced; a failed write leaves no
// partial file.
func (OSFiles) WriteNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(path)
	}
	return err
}

// Prepare implements Files: MkdirAll 0700 (as ssh-keygen makes ~/.ssh),
// then a probe file created and removed.
func (OSFiles) Prepare(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".ecslaunch-probe-*")
	if err != nil {
		return err
	}
	name := f.Name()
	_ = f.Close()
	return os.Remove(name)
}

// DefaultSSHDir is ~/.ssh.
func DefaultSSHDir() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", i18n.Errorf("no home directory for ~/.ssh: %w", err)
	}
	return filepath.Join(home, ".ssh"), nil
}

// PublicKey is a local SSH public key file, as ImportKeyPair takes it.
type PublicKey struct {
	Path    string // ~/.ssh/id_ed25519.pub
	Type    string // ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256…
	Comment string // usually user@host
	// Body is the key line (type, base64, comment): ImportKeyPair's
	// PublicKeyBody.
	Body string
	// FingerPrint is the MD5 fingerprint ECS answers KeyPairFingerPrint in,
	// so an existing key pair can be matched to its file.
	FingerPrint string
}

// publicKeyTypes are the OpenSSH key types ImportKeyPair takes.
var publicKeyTypes = map[string]bool{"ssh-rsa": true, "ssh-dss": true, "ssh-ed25519": true,
	"ecdsa-sha2-nistp256": true, "ecdsa-sha2-nistp384": true, "ecdsa-sha2-nistp521": true}

// maxPublicKey bounds a public key file: an RSA 16384-bit key line is
// under 3 KiB.
const maxPublicKey = 16 << 10

// ParsePublicKey reads one OpenSSH public key line and computes its
// fingerprint; the error says what is wrong with it.
func ParsePublicKey(line string) (PublicKey, error) {
	line = strings.TrimSpace(line)
	fields := strings.Fields(line)
	if len(fields) < 2 {
		return PublicKey{}, errors.New(i18n.Text("not an OpenSSH public key line (type, base64 key, comment)"))
	}
	if !publicKeyTypes[fields[0]] {
		return PublicKey{}, i18n.Errorf("key type %q is not one ImportKeyPair takes (ssh-rsa, ssh-ed25519, ecdsa-sha2-nistp256/384/521, ssh-dss)", fields[0])
	}
	blob, err := base64.StdEncoding.DecodeString(fields[1])
	if err != nil || len(blob) < 4 {
		return PublicKey{}, errors.New(i18n.Text("the key is not valid base64"))
	}
	n := binary.BigEndian.Uint32(blob)
	if uint64(n)+4 > uint64(len(blob)) || string(blob[4:4+n]) != fields[0] {
		return PublicKey{}, i18n.Errorf("the key's data is not a %s key", fields[0])
	}
	sum := md5.Sum(blob)
	hexes := make([]string, len(sum))
	for i, b := range sum {
		hexes[i] = fmt.Sprintf("%02x", b)
	}
	return PublicKey{Type: fields[0], Comment: strings.Join(fields[2:], " "), Body: line, FingerPrint: strings.Join(hexes, ":")}, nil
}

// PublicKeys lists the public keys in dir (~/.ssh/*.pub), sorted by file
// name; skipped says, per file, why one that is not a usable key was left
// out. A missing dir has no keys.
func PublicKeys(files Files, dir string) (keys []PublicKey, skipped []string, err error) {
	entries, err := files.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, i18n.Errorf("listing %s: %w", dir, err)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".pub") || e.IsDir() {
			continue
		}
		path := filepath.Join(dir, e.Name())
		data, err := files.ReadFile(path, maxPublicKey)
		if err != nil {
			skipped = append(skipped, fmt.Sprintf("%s: %v", path, err))
			continue
		}
		k, err := ParsePublicKey(string(data))
		if err != nil {
			skipped = append(skipped, fmt.Sprintf("%s: %v", path, err))
			continue
		}
		k.Path = path
		keys = append(keys, k)
	}
	return keys, skipped, nil
}

// keyPairName is the KeyPairName rule: 2–128 characters, starting with a
// letter or a Chinese character, of letters, digits, ':', '_' and '-'.
var keyPairName = regexp.MustCompile(`^[A-Za-z\p{Han}][\p{Han}A-Za-z0-9:_\-]{1,127}$`)

func checkKeyPairName(action, name string) error {
	if !keyPairName.MatchString(name) {
		return invalid(action, "KeyPairName", i18n.T("%q: 2 to 128 characters, starting with a letter, of letters, digits, ':', '_' and '-'", name))
	}
	return nil
}

// existingKeyPair asks for a key pair by name; found is false when the
// region has none of that name.
func (p *Provisioner) existingKeyPair(ctx context.Context, region, name string) (fingerprint string, found bool, err error) {
	resp, err := call(ctx, p, "DescribeKeyPairs", true, func() (*ecs.DescribeKeyPairsResponse, error) {
		req := ecs.CreateDescribeKeyPairsRequest()
		p.scheme(req)
		req.RegionId, req.KeyPairName, req.PageSize = region, name, requests.NewInteger(50)
		return p.ecs.DescribeKeyPairs(req)
	})
	if err != nil {
		return "", false, err
	}
	for _, k := range resp.KeyPairs.KeyPair {
		if k.KeyPairName == name { // KeyPairName is a pattern filter: match exactly
			return k.KeyPairFingerPrint, true, nil
		}
	}
	return "", false, nil
}

// KeyImportSpec is a public key to import as a key pair.
type KeyImportSpec struct {
	RegionId    string
	KeyPairName string
	// PublicKeyBody is the key line (PublicKey.Body).
	PublicKeyBody string
}

// ImportKeyPair imports a public key. A key pair of that name with the
// same public key is returned as Existing (nothing is created or
// recorded); one with another key is an error naming KeyPairName.
func (p *Provisioner) ImportKeyPair(ctx context.Context, s KeyImportSpec) (Created, error) {
	if err := checkKeyPairName("ImportKeyPair", s.KeyPairName); err != nil {
		return Created{}, err
	}
	key, err := ParsePublicKey(s.PublicKeyBody)
	if err != nil {
		return Created{}, invalid("ImportKeyPair", "PublicKeyBody", err.Error())
	}
	c := Created{Kind: exporter.KindKeyPair, Region: s.RegionId, Params: map[string]string{"KeyPairName": s.KeyPairName, "PublicKeyBody": key.Body}}
	if done, err := p.sameKey(ctx, &c, key.FingerPrint); done || err != nil {
		return c, err
	}
	c.Token = p.o.NewToken() // ImportKeyPair takes none: it names the record
	if err := p.begin(c.Kind, c.Region, c.Token, c.Params); err != nil {
		return Created{}, err
	}
	resp, err := call(ctx, p, "ImportKeyPair", true, func() (*ecs.ImportKeyPairResponse, error) {
		req := ecs.CreateImportKeyPairRequest()
		p.scheme(req)
		req.RegionId, req.KeyPairName, req.PublicKeyBody = s.RegionId, s.KeyPairName, key.Body
		return p.ecs.ImportKeyPair(req)
	})
	var pe *Error
	if errors.As(err, &pe) && pe.Code == "KeyPair.AlreadyExist" {
		// a retry after a lost answer: the first attempt made it
		if fp, found, ferr := p.existingKeyPair(ctx, s.RegionId, s.KeyPairName); ferr == nil && found && fp == key.FingerPrint {
			resp, err = &ecs.ImportKeyPairResponse{KeyPairName: s.KeyPairName, KeyPairFingerPrint: fp}, nil
		}
	}
	if err != nil {
		return Created{}, p.done(c, err)
	}
	c.ID, c.Facts = s.KeyPairName, map[string]string{"KeyPairFingerPrint": resp.KeyPairFingerPrint}
	return c, p.done(c, nil)
}

// sameKey checks for a key pair of c's name: with the fingerprint it is
// c, Existing (done); with another it is an error.
func (p *Provisioner) sameKey(ctx context.Context, c *Created, fingerprint string) (done bool, err error) {
	name := c.Params["KeyPairName"]
	fp, found, err := p.existingKeyPair(ctx, c.Region, name)
	switch {
	case err != nil:
		return false, err
	case !found:
		return false, nil
	case fingerprint != "" && fp == fingerprint:
		c.ID, c.Existing, c.Facts = name, true, map[string]string{"KeyPairFingerPrint": fp}
		return true, nil
	}
	return false, &Error{Action: "ImportKeyPair", Parameter: "KeyPairName", Code: "KeyPair.AlreadyExist",
		Message: i18n.T("a key pair %q exists in %s with another key (fingerprint %s): choose another KeyPairName, or pick the existing key pair", name, c.Region, fp)}
}

// KeyCreateSpec is a key pair for ECS to make, its private key written to
// Dir/KeyPairName.pem.
type KeyCreateSpec struct {
	RegionId    string
	KeyPairName string
	// Dir is where the private key goes (default ~/.ssh).
	Dir string
}

// CreateKeyPair has ECS make a key pair and writes its private key — which
// ECS answers once and never again — to Dir/KEYPAIRNAME.pem with mode 0600.
// The file must not exist: it is checked before anything is created, and
// never overwritten. The private key is in no record, log or error; the
// record keeps the file's path.
func (p *Provisioner) CreateKeyPair(ctx context.Context, s KeyCreateSpec) (Created, error) {
	if err := checkKeyPairName("CreateKeyPair", s.KeyPairName); err != nil {
		return Created{}, err
	}
	dir := s.Dir
	if dir == "" {
		d, err := DefaultSSHDir()
		if err != nil {
			return Created{}, invalid("CreateKeyPair", "KeyPairName", err.Error())
		}
		dir = d
	}
	if err := p.o.Files.Prepare(dir); err != nil {
		return Created{}, invalid("CreateKeyPair", "KeyPairName", i18n.T("the private key could not be written to %s (%v), so no key pair was created", dir, err))
	}
	path := filepath.Join(dir, s.KeyPairName+".pem")
	if exists, err := p.o.Files.Exists(path); err != nil || exists {
		msg := i18n.T("%s exists, and a private key file is never overwritten: choose another KeyPairName", path)
		if err != nil {
			msg = i18n.T("%s cannot be checked: %v, and a private key file is never overwritten: choose another KeyPairName", path, err)
		}
		return Created{}, invalid("CreateKeyPair", "KeyPairName", msg)
	}
	c := Created{Kind: exporter.KindKeyPair, Region: s.RegionId, Params: map[string]string{"KeyPairName": s.KeyPairName}}
	if _, found, err := p.existingKeyPair(ctx, s.RegionId, s.KeyPairName); err != nil {
		return Created{}, err
	} else if found {
		return Created{}, &Error{Action: "CreateKeyPair", Parameter: "KeyPairName", Code: "KeyPair.AlreadyExist",
			Message: i18n.T("a key pair %q exists in %s: choose another KeyPairName, or pick the existing key pair", s.KeyPairName, s.RegionId)}
	}
	c.Token = p.o.NewToken()
	if err := p.begin(c.Kind, c.Region, c.Token, c.Params); err != nil {
		return Created{}, err
	}
	// Not retried on a 5xx or a lost answer: a retry could not get the
	// first key's private key back.
	resp, err := call(ctx, p, "CreateKeyPair", false, func() (*ecs.CreateKeyPairResponse, error) {
		req := ecs.CreateCreateKeyPairRequest()
		p.scheme(req)
		req.RegionId, req.KeyPairName = s.RegionId, s.KeyPairName
		return p.ecs.CreateKeyPair(req)
	})
	if err != nil {
		var pe *Error
		if errors.As(err, &pe) && pe.Code == "" {
			pe.Message += " — " + i18n.T("if key pair %[1]q now exists in %[2]s, its private key is lost: delete it (aliyun ecs DeleteKeyPairs --RegionId %[2]s --KeyPairNames '[\"%[1]s\"]') and create another",
				s.KeyPairName, s.RegionId)
		}
		return Created{}, p.done(c, err)
	}
	c.ID, c.Facts = s.KeyPairName, map[string]string{"KeyPairFingerPrint": resp.KeyPairFingerPrint}
	if werr := p.o.Files.WriteNew(path, []byte(resp.PrivateKeyBody)); werr != nil {
		err := &Error{Action: "CreateKeyPair", Parameter: "KeyPairName", Err: werr, Message: i18n.T(
			"key pair %q was created but its private key could not be written to %s (%v): it is lost; delete the key pair (aliyun ecs DeleteKeyPairs --RegionId %s --KeyPairNames '[\"%s\"]') and create another",
			s.KeyPairName, path, werr, s.RegionId, s.KeyPairName)}
		return c, p.done(c, err)
	}
	c.Facts["PrivateKeyFile"] = path
	return c, p.done(c, nil)
}
