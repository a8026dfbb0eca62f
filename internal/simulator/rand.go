package simulator

import "math"

// rng is a small SplitMix64 generator. It is written out here (rather than using math/rand) so that
// the generated data set stays byte-for-byte the same across Go releases for a given seed.
type rng struct{ state uint64 }

// newRNG returns a generator for one (seed, stream, index) triple. Every generated station draws from
// its own generator, so station i is the same whatever the total number of stations, and new
// attributes added later can use a new stream without changing the existing ones.
func newRNG(seed int64, stream, index uint64) *rng {
	r := &rng{state: uint64(seed)}
	r.state = mix64(r.state ^ mix64(stream+0x9e3779b97f4a7c15) ^ mix64(index+0xbf58476d1ce4e5b9))
	return r
}

func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func (r *rng) next() uint64 {
	r.state += 0x9e3779b97f4a7c15
	return mix64(r.state)
}

// float returns a number in [0, 1).
func (r *rng) float() float64 { return float64(r.next()>>11) / (1 << 53) }

// intn returns a number in [0, n).
func (r *rng) intn(n int) int {
	if n <= 0 {
		return 0
	}
	return int(r.next() % uint64(n))
}

// between returns a number in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

// chance reports true with probability p.
func (r *rng) chance(p float64) bool { return r.float() < p }

// pick returns one element of list.
func pick[T any](r *rng, list []T) T { return list[r.intn(len(list))] }

// weighted returns an index into weights, chosen with probability proportional to its weight.
func (r *rng) weighted(weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := r.intn(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}

// round rounds v to the given number of decimals.
func round(v float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(v*p) / p
}
