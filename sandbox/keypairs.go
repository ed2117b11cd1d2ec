package sandbox

import (
	"crypto/md5"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/binary"
	"encoding/pem"
	"fmt"
	"math/big"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

// keyPairName is the KeyPairName rule of ImportKeyPair and CreateKeyPair:
// 2–128 characters, starting with a letter or a Chinese character, of
// letters, digits, ':', '_' and '-'.
var keyPairName = regexp.MustCompile(`^[A-Za-z\p{Han}][\p{Han}A-Za-z0-9:_\-]{1,127}$`)

var (
	errKeyName   = &apiError{http.StatusBadRequest, "InvalidKeyPairName.Malformed", "Specified Key Pair name is not valid."}
	errKeyExists = &apiError{http.StatusBadRequest, "KeyPair.AlreadyExist", "The key pair already exist."}
	errKeyBody   = &apiError{http.StatusBadRequest, "InvalidPublicKeyBody.Malformed", "The PublicKeyBody format is not supported."}
	errKeyQuota  = &apiError{http.StatusForbidden, "QuotaExceed.KeyPair",
		fmt.Sprintf("The key pair quota exceeds (%d per region).", keyPairQuota)}
)

// publicKeyTypes are the OpenSSH key types ImportKeyPair takes.
var publicKeyTypes = map[string]bool{"ssh-rsa": true, "ssh-dss": true, "ssh-ed25519": true,
	"ecdsa-sha2-nistp256": true, "ecdsa-sha2-nistp384": true, "ecdsa-sha2-nistp521": true}

// parsePublicKey reads an OpenSSH public key line ("ssh-ed25519 AAAA…
// comment") and returns its wire-format blob: the base64 must decode, and
// the blob must name the same key type as the line.
func parsePublicKey(body string) ([]byte, bool) {
	fields := strings.Fields(body)
	if len(fields) < 2 || !publicKeyTypes[fields[0]] {
		return nil, false
	}
	blob, err := base64.StdEncoding.DecodeString(fields[1])
	if err != nil || len(blob) < 4 {
		return nil, false
	}
	n := binary.BigEndian.Uint32(blob)
	if uint64(n)+4 > uint64(len(blob)) || string(blob[4:4+n]) != fields[0] {
		return nil, false
	}
	return blob, true
}

// fingerprintOf is the MD5 fingerprint of a public key blob (RFC 4716), the
// form ECS answers KeyPairFingerPrint in.
func fingerprintOf(blob []byte) string {
	sum := md5.Sum(blob)
	parts := make([]string, len(sum))
	for i, b := range sum {
		parts[i] = fmt.Sprintf("%02x", b)
	}
	return strings.Join(parts, ":")
}

// checkNewKeyPair applies the name rule and the uniqueness and quota of a
// region's key pairs.
func (c *call) checkNewKeyPair(name string) error {
	if name == "" {
		return errMissing("KeyPairName")
	}
	if !keyPairName.MatchString(name) {
		return errKeyName
	}
	if _, ok := c.s.findKeyPair(c.region.RegionId, name); ok {
		return errKeyExists
	}
	if len(c.s.keyPairsIn(c.region.RegionId)) >= keyPairQuota {
		return errKeyQuota
	}
	return nil
}

// addKeyPair stores a new key pair's name and fingerprint (never a private
// key) and saves the state.
func (c *call) addKeyPair(name, fp string) (string, error) {
	c.s.mu.Lock()
	id, seq := c.newID("key", name)
	c.s.madeState().KeyPairs[c.region.RegionId+"/"+name] = &madeKeyPair{KeyPair: world.KeyPair{KeyPairName: name,
		KeyPairFingerPrint: fp, CreationTime: time.Now().UTC().Format(timeLayout)}, RegionId: c.region.RegionId, KeyPairId: id, Seq: seq}
	c.s.mu.Unlock()
	return id, c.commitMade()
}

func (c *call) importKeyPair() (any, error) {
	name, body := c.p.Get("KeyPairName"), c.p.Get("PublicKeyBody")
	if _, err := checkTags(c.p.structList("Tag")); err != nil {
		return nil, err
	}
	if body == "" {
		return nil, errMissing("PublicKeyBody")
	}
	blob, ok := parsePublicKey(body)
	if !ok {
		return nil, errKeyBody
	}
	c.s.runMu.Lock()
	defer c.s.runMu.Unlock()
	if err := c.checkNewKeyPair(name); err != nil {
		return nil, err
	}
	fp := fingerprintOf(blob)
	if _, err := c.addKeyPair(name, fp); err != nil {
		return nil, err
	}
	return &ecs.ImportKeyPairResponse{RequestId: c.requestID, KeyPairName: name, KeyPairFingerPrint: fp}, nil
}

// createdKeyBits is the size of the RSA keys CreateKeyPair makes.
const createdKeyBits = 2048

func (c *call) createKeyPair() (any, error) {
	name := c.p.Get("KeyPairName")
	if _, err := checkTags(c.p.structList("Tag")); err != nil {
		return nil, err
	}
	c.s.runMu.Lock()
	defer c.s.runMu.Unlock()
	if err := c.checkNewKeyPair(name); err != nil {
		return nil, err
	}
	key, err := rsa.GenerateKey(rand.Reader, createdKeyBits)
	if err != nil {
		return nil, errInternal
	}
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, errInternal
	}
	fp := fingerprintOf(sshRSABlob(&key.PublicKey))
	id, err := c.addKeyPair(name, fp)
	if err != nil {
		return nil, err
	}
	// The private key is answered once and kept nowhere, as ECS does.
	return &ecs.CreateKeyPairResponse{RequestId: c.requestID, KeyPairName: name, KeyPairId: id, KeyPairFingerPrint: fp,
		PrivateKeyBody: string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}))}, nil
}

// sshRSABlob is an RSA public key in the SSH wire format (RFC 4253 §6.6):
// the type name, then e and n as mpints.
func sshRSABlob(k *rsa.PublicKey) []byte {
	var out []byte
	putString := func(b []byte) {
		out = binary.BigEndian.AppendUint32(out, uint32(len(b)))
		out = append(out, b...)
	}
	mpint := func(n *big.Int) []byte {
		b := n.Bytes()
		if len(b) > 0 && b[0]&0x80 != 0 {
			b = append([]byte{0}, b...)
		}
		return b
	}
	putString([]byte("ssh-rsa"))
	putString(mpint(big.NewInt(int64(k.E))))
	putString(mpint(k.N))
	return out
}
