#!/bin/bash
# The shipped example scenarios run with both models, and every model switch is accepted.
. "$(dirname "$0")/../lib.bash"
D=${MP_SRC:?}/data/scenarios/negotiation
for f in "$D"/*.yaml; do
	grep -q '^illustrative: true' "$f" || fail "$f is not marked illustrative"
	expect_exit 0 "$MP" negotiate "$f" --show summary --format csv
	[ "$(wc -l < "$T/out")" -ge 2 ] || fail "$f: no summary"
	expect_exit 0 "$MP" negotiate "$f" --model smp --show positions --format csv
	head -1 "$T/out" | grep -qx 'round,actor,dim,position' || fail "$f: header"
	expect_exit 0 "$MP" negotiate "$f" --model eu --dim 1 --stop all --show forecast --format json
done
# Ukraine: two named dimensions in the positions table
expect_exit 0 "$MP" negotiate "$D/ukraine_settlement_2023.yaml" --rounds 2 --show positions --format csv
grep -q '^0,Russia,territory,95$' "$T/out" || fail "round 0 territory of Russia"
grep -q '^0,Ukraine,security,5$' "$T/out" || fail "round 0 security of Ukraine"
# the YAML's options apply unless the command line overrides them
expect_exit 0 "$MP" negotiate "$D/taiwan_status.yaml" --show summary --format csv
grep -q '^eu,14,10,' "$T/out" || fail "taiwan: rounds from the scenario: $(cat "$T/out")"
expect_exit 0 "$MP" negotiate "$D/taiwan_status.yaml" --rounds 3 --stop rounds --show summary --format csv
grep -q '^eu,14,3,round limit,' "$T/out" || fail "taiwan: --rounds overrides: $(cat "$T/out")"
# every switch value is accepted
F=$D/taiwan_status.yaml
for o in "--vote raw" "--probability pairwise" "--probability net" "--capitulation fixed" \
	"--compromise leastmove" "--risk-update sequential" "--q 0.8 --t 0.5" "--delta current"; do
	expect_exit 0 "$MP" negotiate "$F" $o --show summary
done
for o in "--vpm square" "--vpm quartic" "--vpm octic" "--vpm binary" "--pce markov-incentive" \
	"--pce markov-uniform" "--transitions stochastic" "--voting binary" "--voting propbin" \
	"--voting propcbc" "--voting cubic" "--voting asymprosp" "--risk-adjust none" "--risk-adjust half" \
	"--risk-adjust two-thirds" "--risk-adjust full" "--risk-range min" "--risk-range max" \
	"--commit full" "--commit none" "--interpolation s1p1" "--interpolation s2pmax" \
	"--bargain init-rcvr" "--bargain pw-comp" "--pos-tol 0.01"; do
	expect_exit 0 "$MP" negotiate "$F" --model smp $o --rounds 5 --show summary
done
echo ok
