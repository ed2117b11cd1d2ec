package ui

import (
	"path/filepath"
	"testing"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/cloud"
	"github.com/ecslaunch/ecslaunch/sandbox"
)

// sandboxOptions starts a sandbox and returns wizard options reading a real
// catalog over it, as `ecslaunch --sandbox` does.
func sandboxOptions(t testing.TB) Options {
	o, _ := sandboxEnv(t)
	return o
}

// sandboxEnv also returns a factory of fresh catalogs over the same disk
// cache, as a new process would open.
func sandboxEnv(t testing.TB) (Options, func() *catalog.Catalog) {
	t.Helper()
	srv, err := sandbox.Start(sandbox.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	sess, err := cloud.Sandbox(srv.Endpoint(), cloud.Config{Region: "cn-hangzhou"})
	if err != nil {
		t.Fatal(err)
	}
	cacheDir := t.TempDir()
	cat := catalog.New(sess, catalog.Options{CacheDir: cacheDir})
	t.Cleanup(cat.Close)
	fresh := func() *catalog.Catalog { return catalog.New(sess, catalog.Options{CacheDir: cacheDir}) }
	client, err := sess.ECS()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	return Options{Reader: cat, Launch: client, Scheme: "http", Region: "cn-hangzhou", Sandbox: true,
		DraftPath: filepath.Join(dir, "draft.yaml"), HistoryPath: filepath.Join(dir, "history.jsonl"),
		Endpoint: srv.Endpoint(), Insecure: true, Now: fixedNow}, fresh
}
