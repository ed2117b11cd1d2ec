package sandbox

import (
	"net/http"
	"strconv"
)

// page is one page of a list: the offset and size to cut, and what the
// response echoes.
type page struct {
	Number, Size int // PageNumber/PageSize style
	Offset, Max  int // the slice to return
	// token is true for NextToken/MaxResults paging.
	token bool
}

// pageParams reads PageNumber/PageSize (1..max, default def); a value out of
// range is InvalidParameter as the API answers.
func (p params) pageParams(def, max int) (page, error) {
	n, err := p.intParam("PageNumber", 1)
	if err != nil {
		return page{}, err
	}
	size, err := p.intParam("PageSize", def)
	if err != nil {
		return page{}, err
	}
	if n < 1 {
		return page{}, errInvalid("PageNumber", p.Get("PageNumber"))
	}
	if size < 1 || size > max {
		return page{}, &apiError{http.StatusBadRequest, "InvalidParameter",
			"The specified parameter \"PageSize\" is not valid: it must be between 1 and " + strconv.Itoa(max) + "."}
	}
	return page{Number: n, Size: size, Offset: (n - 1) * size, Max: size}, nil
}

// tokenParams reads NextToken/MaxResults (1..max, default def). The token is
// the offset of the next item, opaque to clients.
func (p params) tokenParams(def, max int) (page, error) {
	size, err := p.intParam("MaxResults", def)
	if err != nil {
		return page{}, err
	}
	if size < 1 || size > max {
		return page{}, &apiError{http.StatusBadRequest, "InvalidParameter",
			"The specified parameter \"MaxResults\" is not valid: it must be between 1 and " + strconv.Itoa(max) + "."}
	}
	off := 0
	if tok := p.Get("NextToken"); tok != "" {
		off, err = decodeToken(tok)
		if err != nil {
			return page{}, &apiError{http.StatusBadRequest, "InvalidNextToken.Malformed", "The specified NextToken is invalid."}
		}
	}
	return page{Number: 1, Size: size, Offset: off, Max: size, token: true}, nil
}

// cut returns the bounds of the page within n items and the NextToken for
// what follows ("" on the last page).
func (pg page) cut(n int) (from, to int, next string) {
	from = min(pg.Offset, n)
	to = min(from+pg.Max, n)
	if to < n {
		next = encodeToken(to)
	}
	return from, to, next
}

// Tokens look like the real ones (hex) and carry the offset.
func encodeToken(off int) string { return strconv.FormatInt(int64(off)*7919+0x1a2b3c4d, 16) }

func decodeToken(tok string) (int, error) {
	v, err := strconv.ParseInt(tok, 16, 64)
	if err != nil || v < 0x1a2b3c4d || (v-0x1a2b3c4d)%7919 != 0 {
		return 0, errInvalid("NextToken", tok)
	}
	return int((v - 0x1a2b3c4d) / 7919), nil
}
