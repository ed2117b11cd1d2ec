// Package e2e holds the end-to-end tests that drive the real ecslaunch
// binary in tmux. They are behind the e2e build tag because they need tmux:
// `go test -tags e2e ./e2e/` (CI installs tmux and runs them).
package e2e
