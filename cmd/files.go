package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/ecslaunch/ecslaunch/atomicfile"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
)

// readLaunchFile reads and parses a launch file ("-" is standard input).
// Its errors are input errors (exit 2) and name the file.
func readLaunchFile(path string, in io.Reader) (*request.File, error) {
	data, err := readCapped(path, in, request.MaxFileSize)
	if err != nil {
		return nil, usageErr(i18n.Errorf("cannot read launch file: %w", err))
	}
	f, err := request.ParseFile(data)
	if err != nil {
		var fe *request.FileError
		if errors.As(err, &fe) && fe.Line > 0 {
			return nil, usageErr(fmt.Errorf("%s:%d: %s", path, fe.Line, fe.Msg))
		}
		return nil, usageErr(fmt.Errorf("%s: %w", path, err))
	}
	return f, nil
}

// readCapped reads path ("-" is in) up to limit bytes and one more, so a
// file over the limit is known to be and is never read whole: the parser
// then refuses it with the limit's own message.
func readCapped(path string, in io.Reader, limit int) ([]byte, error) {
	r := in
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	return io.ReadAll(io.LimitReader(r, int64(limit)+1))
}

// fileSystem is what writeFileAtomic needs of the operating system; tests
// replace it to fail a write half-way.
type fileSystem = atomicfile.FS

// tempFile is the temporary file writeFileAtomic fills.
type tempFile = atomicfile.File

// osFS is the real file system.
type osFS = atomicfile.OS

// writeFileAtomic writes data to path through atomicfile: a failed or
// short write leaves the old file as it was and no temporary file behind.
// The result has mode perm, or narrower if the old file was (exports are
// 0600: they name the account's resources). A symbolic link is refused,
// not followed or replaced.
func writeFileAtomic(fsys fileSystem, path string, data []byte, perm os.FileMode) error {
	return atomicfile.WriteFS(fsys, path, data, perm)
}
