package provision

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestPublicKeysListsUsableKeysAndSaysWhyOthersAreSkipped(t *testing.T) {
	dir := t.TempDir()
	good := "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl me@laptop"
	files := map[string]string{
		"id_ed25519.pub": good + "\n",
		"id_ed25519":     "-----BEGIN OPENSSH PRIVATE KEY-----\n", // not a .pub: never read
		"broken.pub":     "ssh-ed25519 !!!\n",
		"wrongtype.pub":  "ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl x\n",
		"pgp.pub":        "-----BEGIN PGP PUBLIC KEY BLOCK-----\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.pub"), 0o644); err != nil {
		t.Fatal(err)
	}
	keys, skipped, err := PublicKeys(OSFiles{}, dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) != 1 || keys[0].Type != "ssh-ed25519" || keys[0].Comment != "me@laptop" || keys[0].Body != good ||
		keys[0].Path != filepath.Join(dir, "id_ed25519.pub") || len(strings.Split(keys[0].FingerPrint, ":")) != 16 {
		t.Errorf("keys %+v", keys)
	}
	all := strings.Join(skipped, "\n")
	for _, want := range []string{"broken.pub: the key is not valid base64", "wrongtype.pub: the key's data is not a ssh-rsa key",
		"pgp.pub: key type \"-----BEGIN\" is not one ImportKeyPair takes", "fifo.pub: not a regular file"} {
		if !strings.Contains(all, want) {
			t.Errorf("skipped %q lacks %q", skipped, want)
		}
	}
	none, _, err := PublicKeys(OSFiles{}, filepath.Join(dir, "nosuch"))
	if err != nil || len(none) != 0 {
		t.Errorf("a missing ~/.ssh: %v %v", none, err)
	}
}

func TestWriteNewNeverOverwrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "k.pem")
	if err := (OSFiles{}).WriteNew(path, []byte("one")); err != nil {
		t.Fatal(err)
	}
	if err := (OSFiles{}).WriteNew(path, []byte("two")); err == nil {
		t.Fatal("an existing file was overwritten")
	}
	if b, _ := os.ReadFile(path); string(b) != "one" {
		t.Errorf("file holds %q", b)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
}
