//===- Planner.cpp - The offload planner's choice loop, in C++ -----------===//
//
// The loop behind hyperoffload.analysis.offload_plan.OffloadPlanner.plan:
// while the device-memory peak is over the budget, take the options that
// free the peak step, re-cost the promising ones against the copies already
// booked on the engines, apply the best. The rules are those of the Python
// module's docstring; the Python loop it replaced lives on as the test
// oracle (test/python/reference_planner.py) and every step here mirrors it,
// down to the order of floating-point operations, so both choose alike.
//
// Also the placement loop of cache-schedule-transfers
// (hyperoffloadPlaceTransfers), with its Python oracle in
// test/python/reference_schedule.py.
//
//===----------------------------------------------------------------------===//

#include "hyperoffload-c/Planner.h"

#include "llvm/ADT/ArrayRef.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <tuple>
#include <vector>

namespace {

/// Busy blocks of one copy engine, sorted, disjoint and merged
/// (hyperoffload.analysis.link_calendar.LinkCalendar).
class LinkCalendar {
public:
  /// Start of the latest free window of `duration` ending by `deadline`; if
  /// none starts at or after `earliest`, the earliest free start at or
  /// after `earliest`.
  double latestWindow(double duration, double deadline, double earliest) const {
    double end = deadline;
    int64_t index = std::lower_bound(starts.begin(), starts.end(), end) -
                    starts.begin() - 1;
    while (index >= 0 && ends[index] > end - duration) {
      end = std::min(end, starts[index]);
      --index;
    }
    double start = end - duration;
    if (start >= earliest)
      return start;
    return firstFree(duration, earliest);
  }

  /// Earliest start at or after `earliest` of a free window.
  double firstFree(double duration, double earliest) const {
    double start = earliest;
    int64_t index = std::upper_bound(starts.begin(), starts.end(), start) -
                    starts.begin() - 1;
    if (index >= 0 && ends[index] > start)
      start = ends[index];
    ++index;
    while (index < static_cast<int64_t>(starts.size()) &&
           starts[index] < start + duration) {
      start = ends[index];
      ++index;
    }
    return start;
  }

  void reserve(double start, double duration) {
    double end = start + duration;
    size_t index =
        std::lower_bound(starts.begin(), starts.end(), start) - starts.begin();
    if (index > 0 && ends[index - 1] >= start) {
      --index;
      start = starts[index];
      end = std::max(end, ends[index]);
      erase(index, index + 1);
    }
    size_t last = index;
    while (last < starts.size() && starts[last] <= end) {
      end = std::max(end, ends[last]);
      ++last;
    }
    erase(index, last);
    starts.insert(starts.begin() + index, start);
    ends.insert(ends.begin() + index, end);
  }

  /// Frees `[start, start + duration)`, splitting its block.
  void release(double start, double duration) {
    double end = start + duration;
    int64_t index = std::upper_bound(starts.begin(), starts.end(), start) -
                    starts.begin() - 1;
    if (index < 0 || ends[index] < end)
      return;
    double blockStart = starts[index], blockEnd = ends[index];
    erase(index, index + 1);
    if (end < blockEnd) {
      starts.insert(starts.begin() + index, end);
      ends.insert(ends.begin() + index, blockEnd);
    }
    if (blockStart < start) {
      starts.insert(starts.begin() + index, blockStart);
      ends.insert(ends.begin() + index, start);
    }
  }

  std::vector<double> starts, ends;

private:
  void erase(size_t first, size_t last) {
    starts.erase(starts.begin() + first, starts.begin() + last);
    ends.erase(ends.begin() + first, ends.begin() + last);
  }
};

/// Device bytes per step under range additions, with the first step of the
/// maximum in O(log n): a segment tree whose nodes hold their subtree's
/// maximum including their own pending addition.
class Profile {
public:
  explicit Profile(const int64_t *base, int64_t size) : size(size) {
    leaves = 1;
    while (leaves < size)
      leaves <<= 1;
    best.assign(2 * leaves, std::numeric_limits<int64_t>::min() / 4);
    pending.assign(2 * leaves, 0);
    std::copy(base, base + size, best.begin() + leaves);
    for (int64_t node = leaves - 1; node > 0; --node)
      best[node] = std::max(best[2 * node], best[2 * node + 1]);
    values.assign(base, base + size);
    changes.assign(size + 1, 0);
  }

  /// Adds `delta` to steps `[first, last)` (clipped to the profile).
  void add(int64_t first, int64_t last, int64_t delta) {
    first = std::max<int64_t>(first, 0);
    last = std::min(last, size);
    if (first >= last)
      return;
    changes[first] += delta;
    changes[last] -= delta;
    add(1, 0, leaves, first, last, delta);
  }

  int64_t max() const { return best[1]; }

  /// The first step holding the maximum.
  int64_t argmax() const {
    int64_t node = 1;
    while (node < leaves)
      node = best[2 * node] >= best[2 * node + 1] ? 2 * node : 2 * node + 1;
    return node - leaves;
  }

  /// The bytes at each step.
  void write(int64_t *out) const {
    int64_t running = 0;
    for (int64_t step = 0; step < size; ++step) {
      running += changes[step];
      out[step] = values[step] + running;
    }
  }

private:
  void add(int64_t node, int64_t lo, int64_t hi, int64_t first, int64_t last,
           int64_t delta) {
    if (last <= lo || hi <= first)
      return;
    if (first <= lo && hi <= last) {
      best[node] += delta;
      pending[node] += delta;
      return;
    }
    int64_t mid = (lo + hi) / 2;
    add(2 * node, lo, mid, first, last, delta);
    add(2 * node + 1, mid, hi, first, last, delta);
    best[node] = std::max(best[2 * node], best[2 * node + 1]) + pending[node];
  }

  int64_t size, leaves;
  std::vector<int64_t> best, pending, values, changes;
};

/// The gaps whose span `[lo, hi)` holds a step, from a segment tree: each
/// span is kept at O(log n) nodes, a query joins the nodes on one path.
class StabbingIndex {
public:
  StabbingIndex(const std::vector<int64_t> &lo, const std::vector<int64_t> &hi,
                int64_t size)
      : size(size) {
    leaves = 1;
    while (leaves < std::max<int64_t>(size, 1))
      leaves <<= 1;
    nodes.resize(2 * leaves);
    for (size_t index = 0; index < lo.size(); ++index) {
      int64_t left = std::max<int64_t>(lo[index], 0) + leaves;
      int64_t right = std::min(hi[index], size) + leaves;
      while (left < right) {
        if (left & 1)
          nodes[left++].push_back(index);
        if (right & 1)
          nodes[--right].push_back(index);
        left >>= 1;
        right >>= 1;
      }
    }
  }

  /// Indices of the spans holding `point`, in no particular order.
  void at(int64_t point, std::vector<int64_t> &out) const {
    out.clear();
    if (point < 0 || point >= size)
      return;
    for (int64_t node = point + leaves; node; node >>= 1)
      out.insert(out.end(), nodes[node].begin(), nodes[node].end());
  }

private:
  int64_t size, leaves;
  std::vector<std::vector<int64_t>> nodes;
};

/// An option: a gap, where its prefetch goes, and its key (primary: extra
/// exposed seconds per byte; then the order's measure and the gap's
/// length, both negated so that smaller is better).
struct Option {
  double primary, negMeasure, negLength;
  int64_t gap, point;
};

class Planner {
public:
  Planner(const HyperoffloadPlanInput &in, HyperoffloadPlanOutput &out)
      : in(in), out(out), count(in.numSteps), times(in.stepStart),
        profile(in.baseProfile, in.numSteps + 1) {
    int64_t n = in.numGaps;
    prefetch.assign(n, -1);
    exposed.assign(n, 0.0);
    freeFrom.assign(in.gapFreeFrom, in.gapFreeFrom + n);
    reserved.assign(n, std::nan(""));
    size.resize(n);
    latest.resize(n);
    ideal.resize(n);
    initialExposure.resize(n);
    length.resize(n);
    qualifies.resize(n);
    for (int64_t g = 0; g < n; ++g) {
      size[g] = static_cast<double>(in.gapBytes[g]);
      latest[g] = std::min(in.gapBefore[g], count);
      ideal[g] = initialPoint(g);
      initialExposure[g] = exposure(g, ideal[g]);
      length[g] =
          times[latest[g]] - times[std::max<int64_t>(in.gapAfter[g], 0)];
      qualifies[g] = in.strategy != HyperoffloadPlanDistance ||
                     in.gapBefore[g] - in.gapAfter[g] >= in.distanceThreshold;
    }
    measure = size;
    if (in.strategy == HyperoffloadPlanOurs &&
        in.order == HyperoffloadPlanStreaming)
      streamingValue();
  }

  bool run() {
    StabbingIndex spans(freeFrom, latest, count + 1);
    for (int64_t g = 0; g < in.numGaps; ++g) {
      if (!in.gapForced[g] || prefetch[g] >= 0)
        continue;
      // Gaps applied with an earlier gap of the buffer stay put.
      for (int64_t member : members(g))
        if (prefetch[member] < 0)
          apply(member, partnerPoint(member));
    }
    std::vector<int64_t> stabbed;
    while (std::max<int64_t>(profile.max(), 0) > in.budget) {
      int64_t step = profile.argmax();
      spans.at(step, stabbed);
      int64_t index, point;
      if (!bestOption(step, stabbed, index, point)) {
        out.failedStep = step;
        out.failedBytes = profile.max();
        return false;
      }
      for (int64_t member : members(index)) {
        if (member == index)
          apply(member, point);
        else if (prefetch[member] < 0)
          apply(member, partnerPoint(member));
      }
    }
    return true;
  }

  void write() const {
    std::copy(prefetch.begin(), prefetch.end(), out.prefetchAt);
    std::copy(freeFrom.begin(), freeFrom.end(), out.freeFrom);
    std::copy(exposed.begin(), exposed.end(), out.exposed);
    profile.write(out.profile);
  }

private:
  bool ours() const { return in.strategy == HyperoffloadPlanOurs; }
  bool isFinal(int64_t g) const { return in.gapBefore[g] >= count; }

  /// The gaps applied with g (g among them), ascending.
  llvm::ArrayRef<int64_t> members(int64_t g) const {
    const int64_t *row = in.gapMembers + 3 * g;
    return llvm::ArrayRef<int64_t>(row, std::find(row, row + 3, -1));
  }

  /// The last step starting at or before `time` (-1 if none).
  int64_t lastStartingBy(double time) const {
    return std::upper_bound(times, times + count + 1, time) - times - 1;
  }

  /// The first step starting at or after `time` (count + 1 if none).
  int64_t firstStartingAt(double time) const {
    return std::lower_bound(times, times + count + 1, time) - times;
  }

  int64_t idealPrefetch(int64_t g) const {
    int64_t before = in.gapBefore[g];
    switch (in.strategy) {
    case HyperoffloadPlanOnDemand:
      return before;
    case HyperoffloadPlanDistance:
      return std::max(freeFrom[g], before - in.prefetchDistance);
    default: {
      int64_t index = lastStartingBy(times[before] - in.gapTransfer[g]);
      return std::max(freeFrom[g], std::min(before, index));
    }
    }
  }

  int64_t initialPoint(int64_t g) const {
    return isFinal(g) ? count : idealPrefetch(g);
  }

  bool writesBackAtEnd(int64_t g) const {
    return isFinal(g) && in.gapAfter[g] >= 0 && in.gapWriteback[g] > 0.0;
  }

  double writebackPastEnd(int64_t g, double begin) const {
    if (!writesBackAtEnd(g))
      return 0.0;
    return std::max(0.0, begin + in.gapWriteback[g] - times[count]);
  }

  double finalWriteback(int64_t g) const {
    if (!writesBackAtEnd(g))
      return 0.0;
    double begin =
        writebacks.firstFree(in.gapWriteback[g], times[in.gapAfter[g] + 1]);
    return writebackPastEnd(g, begin);
  }

  /// Time the copy ends late with the prefetch at `point`, not queued.
  double exposure(int64_t g, int64_t point) const {
    if (isFinal(g))
      return writebackPastEnd(g, times[in.gapAfter[g] + 1]);
    double hidden = times[in.gapBefore[g]] - times[point];
    return std::max(0.0, in.gapTransfer[g] - hidden);
  }

  void streamingValue() {
    int64_t n = in.numGaps;
    std::vector<double> away(n), copy(n);
    for (int64_t g = 0; g < n; ++g) {
      away[g] = times[ideal[g]] - times[std::min(freeFrom[g], count)];
      copy[g] = in.gapTransfer[g] + in.gapWriteback[g];
    }
    for (int64_t g = 0; g < n; ++g) {
      double totalAway = away[g], totalCopy = copy[g];
      for (int64_t other : members(g)) {
        if (other == g)
          continue;
        totalAway += away[other];
        totalCopy += copy[other];
      }
      measure[g] = totalCopy > 0 ? size[g] * totalAway / totalCopy
                                 : std::numeric_limits<double>::infinity();
    }
  }

  /// (step, copy start, exposed) of g's copy placed as late as the engine
  /// allows, not before `earliestStep`.
  std::tuple<int64_t, double, double>
  linkPlacement(int64_t g, int64_t earliestStep) const {
    double transfer = in.gapTransfer[g];
    double earliest = times[earliestStep];
    double deadline = times[in.gapBefore[g]];
    double window = calendar.latestWindow(transfer, deadline, earliest);
    int64_t step = lastStartingBy(window);
    step = std::min(std::max(step, earliestStep), in.gapBefore[g]);
    double begin = std::max(window, times[step]);
    if (begin > window)
      begin = calendar.firstFree(transfer, begin);
    return {step, begin, std::max(0.0, begin + transfer - deadline)};
  }

  int64_t partnerPoint(int64_t g) const {
    if (ours() && in.placement == HyperoffloadPlanRoom &&
        in.gapTransfer[g] > 0.0 && !isFinal(g))
      return std::get<0>(linkPlacement(g, freeFrom[g]));
    return initialPoint(g);
  }

  void reserve(int64_t g, int64_t point) {
    double transfer = in.gapTransfer[g];
    if (!std::isnan(reserved[g]))
      calendar.release(reserved[g], transfer);
    auto [step, begin, late] = linkPlacement(g, point);
    calendar.reserve(begin, transfer);
    reserved[g] = begin;
    exposed[g] = late;
  }

  void apply(int64_t g, int64_t point) {
    int64_t bytes = in.gapBytes[g];
    double writeback = in.gapWriteback[g];
    bool wroteBack = false;
    double writebackBegin = 0.0;
    if (prefetch[g] < 0 && writeback > 0.0) {
      int64_t after = in.gapAfter[g];
      double begin = writebacks.firstFree(writeback, times[after + 1]);
      writebacks.reserve(begin, writeback);
      wroteBack = true;
      writebackBegin = begin;
      int64_t free = firstStartingAt(begin + writeback);
      freeFrom[g] = std::min(std::max(free, after + 1), in.gapBefore[g]);
      point = std::max(point, freeFrom[g]);
    }
    profile.add(prefetch[g] >= 0 ? prefetch[g] : freeFrom[g], point, -bytes);
    prefetch[g] = point;
    exposed[g] = exposure(g, point);
    if (wroteBack && isFinal(g))
      exposed[g] = writebackPastEnd(g, writebackBegin);
    if (ours() && in.gapTransfer[g] > 0.0)
      reserve(g, point);
  }

  /// The options that free `step`, best first (at most lazyOptions for
  /// ours, one otherwise).
  void options(int64_t step, const std::vector<int64_t> &gaps,
               std::vector<Option> &result) const {
    result.clear();
    for (int64_t g : gaps) {
      int64_t before = std::min(in.gapBefore[g], count);
      double deadline = times[before];
      double transfer = in.gapTransfer[g];
      bool unapplied = prefetch[g] < 0;
      if (unapplied) {
        if (!qualifies[g] || freeFrom[g] > step || step >= latest[g])
          continue;
        int64_t point = step < ideal[g] ? ideal[g] : step + 1;
        if (!ours() && point != ideal[g])
          continue;
        double extra;
        if (isFinal(g)) {
          extra = initialExposure[g];
        } else {
          double hidden = deadline - times[std::min(point, count)];
          extra = std::max(0.0, transfer - hidden);
        }
        for (int64_t other : members(g))
          if (other != g && prefetch[other] < 0)
            extra = extra + initialExposure[other];
        result.push_back({extra / size[g], -measure[g], -length[g], g, point});
      } else if (ours() && !isFinal(g) && prefetch[g] <= step &&
                 step < latest[g]) {
        double hidden = deadline - times[std::min(step + 1, count)];
        double extra = std::max(0.0, transfer - hidden) - exposed[g];
        result.push_back(
            {extra / size[g], -measure[g], -length[g], g, step + 1});
      }
    }
    // The best `keep` by key, ties in ascending gap order (as numpy's
    // stable lexsort over the gaps in order): only those are sorted.
    auto less = [](const Option &a, const Option &b) {
      return std::tie(a.primary, a.negMeasure, a.negLength, a.gap) <
             std::tie(b.primary, b.negMeasure, b.negLength, b.gap);
    };
    size_t keep = ours() ? static_cast<size_t>(in.lazyOptions) : 1;
    if (result.size() > keep) {
      std::partial_sort(result.begin(), result.begin() + keep, result.end(),
                        less);
      result.resize(keep);
    } else {
      std::sort(result.begin(), result.end(), less);
    }
  }

  /// A lower bound on the first element of each option's re-costed key
  /// (see the Python planner's _exposure_bounds).
  void exposureBounds(int64_t step, const std::vector<Option> &options,
                      std::vector<double> &bounds) const {
    const std::vector<double> &starts = calendar.starts, &ends = calendar.ends;
    std::vector<double> total(starts.size() + 1, 0.0);
    for (size_t block = 0; block < starts.size(); ++block)
      total[block + 1] = total[block] + (ends[block] - starts[block]);
    // Busy time up to `t`, and the end of the block holding it.
    auto busyUntil = [&](double t) -> std::pair<double, double> {
      if (starts.empty())
        return {0.0, t};
      size_t blocks =
          std::upper_bound(starts.begin(), starts.end(), t) - starts.begin();
      double lastEnd = blocks > 0 ? ends[blocks - 1] : t;
      return {total[blocks] - std::max(0.0, lastEnd - t), std::max(t, lastEnd)};
    };
    bounds.clear();
    for (const Option &option : options) {
      int64_t g = option.gap;
      int64_t earliestStep =
          option.point > step ? std::max(freeFrom[g], step + 1) : freeFrom[g];
      double earliest = times[std::min(earliestStep, count)];
      double deadline = times[std::min(in.gapBefore[g], count)];
      double transfer = in.gapTransfer[g];
      double late;
      if (transfer > 0.0) {
        auto [busyAtDeadline, ignored] = busyUntil(deadline);
        auto [busyAtEarliest, firstFree] = busyUntil(earliest);
        double free = std::max(0.0, (deadline - earliest) -
                                        (busyAtDeadline - busyAtEarliest));
        late = std::max(
            0.0, std::max(transfer - free, firstFree + transfer - deadline));
      } else {
        late = initialExposure[g];
      }
      double before = prefetch[g] >= 0 ? exposed[g] : 0.0;
      bounds.push_back((late - before) / size[g]);
    }
  }

  /// The key of `option` re-costed with its copy (and its partners') placed
  /// on the engines among the copies planned so far, and its point.
  std::pair<Option, int64_t> recost(int64_t step, const Option &option) const {
    int64_t g = option.gap;
    int64_t point = option.point;
    double extra = 0.0;
    if (in.gapTransfer[g] > 0.0) {
      int64_t earliest =
          point > step ? std::max(freeFrom[g], step + 1) : freeFrom[g];
      auto [placed, begin, late] = linkPlacement(g, earliest);
      extra = late - (prefetch[g] >= 0 ? exposed[g] : 0.0);
      point = std::min(std::max(placed, step + 1), latest[g]);
    } else if (prefetch[g] < 0) {
      extra = finalWriteback(g);
    }
    for (int64_t member : members(g)) {
      if (member == g || prefetch[member] >= 0)
        continue;
      if (in.gapTransfer[member] > 0.0) {
        int64_t earliest = in.placement == HyperoffloadPlanRoom
                               ? freeFrom[member]
                               : initialPoint(member);
        extra += std::get<2>(linkPlacement(member, earliest));
      }
      extra += finalWriteback(member);
    }
    Option refined = option;
    refined.primary = extra / size[g];
    return {refined, point};
  }

  static bool keyLess(const Option &a, int64_t aRank, const Option &b,
                      int64_t bRank) {
    return std::tie(a.primary, a.negMeasure, a.negLength, aRank) <
           std::tie(b.primary, b.negMeasure, b.negLength, bRank);
  }

  /// The best option freeing `step`: options are visited in the order of a
  /// lower bound on their re-costed key, and the search stops at the first
  /// bound that cannot beat the best re-costed one.
  bool bestOption(int64_t step, const std::vector<int64_t> &gaps,
                  int64_t &index, int64_t &point) {
    options(step, gaps, candidates);
    if (candidates.empty())
      return false;
    if (!ours()) {
      index = candidates[0].gap;
      point = candidates[0].point;
      return true;
    }
    exposureBounds(step, candidates, bounds);
    // Visited in order from a heap: the search mostly stops after a few,
    // so sorting them all would be wasted.
    std::vector<int64_t> order(candidates.size());
    std::iota(order.begin(), order.end(), 0);
    auto later = [&](int64_t a, int64_t b) {
      return std::tie(bounds[b], candidates[b].negMeasure,
                      candidates[b].negLength,
                      b) < std::tie(bounds[a], candidates[a].negMeasure,
                                    candidates[a].negLength, a);
    };
    std::make_heap(order.begin(), order.end(), later);
    bool found = false;
    Option best{};
    int64_t bestRank = -1, bestPoint = -1;
    for (auto end = order.end(); end != order.begin(); --end) {
      std::pop_heap(order.begin(), end, later);
      int64_t rank = *(end - 1);
      Option bound = candidates[rank];
      bound.primary = bounds[rank];
      if (found && keyLess(best, bestRank, bound, rank))
        break;
      auto [refined, at] = recost(step, candidates[rank]);
      if (!found || keyLess(refined, rank, best, bestRank)) {
        found = true;
        best = refined;
        bestRank = rank;
        bestPoint = at;
      }
    }
    index = candidates[bestRank].gap;
    point = bestPoint;
    return true;
  }

  const HyperoffloadPlanInput &in;
  HyperoffloadPlanOutput &out;
  int64_t count;
  const double *times;
  Profile profile;
  LinkCalendar calendar, writebacks;
  std::vector<int64_t> prefetch, freeFrom, latest, ideal;
  std::vector<double> exposed, reserved, size, initialExposure, length, measure;
  std::vector<bool> qualifies;
  std::vector<Option> candidates;
  std::vector<double> bounds;
};

} // namespace

bool hyperoffloadPlanGaps(const HyperoffloadPlanInput *input,
                          HyperoffloadPlanOutput *output) {
  output->failedStep = -1;
  output->failedBytes = 0;
  Planner planner(*input, *output);
  bool feasible = planner.run();
  planner.write();
  return feasible;
}

namespace {

/// The first step from `point` on (up to `wait`) at which issuing keeps the
/// budget over the steps the buffer then holds (up to `freeAt`) and the
/// in-flight limit up to the wait (_first_fitting in Python).
int64_t firstFitting(int64_t point, int64_t wait, int64_t freeAt, int64_t bytes,
                     llvm::ArrayRef<int64_t> profile,
                     llvm::ArrayRef<int64_t> inflight, int64_t budget,
                     int64_t maxInflight) {
  while (point < wait) {
    int64_t moved = point;
    if (budget >= 0)
      for (int64_t i = freeAt - 1; i >= point; --i)
        if (profile[i] + bytes > budget) {
          moved = std::max(moved, i + 1);
          break;
        }
    if (maxInflight > 0)
      for (int64_t i = wait; i >= point; --i)
        if (inflight[i] >= maxInflight) {
          moved = std::max(moved, i + 1);
          break;
        }
    if (moved == point)
      return point;
    point = std::min(moved, wait);
  }
  return wait;
}

} // namespace

void hyperoffloadPlaceTransfers(const HyperoffloadPlaceInput *input,
                                int64_t *profileOut, int64_t *point,
                                double *begin) {
  const HyperoffloadPlaceInput &in = *input;
  const double *start = in.stepStart;
  int64_t size = in.numSteps + 1;
  llvm::MutableArrayRef<int64_t> profile(profileOut, size);
  bool limited = in.maxInflight > 0;
  std::vector<int64_t> inflight(size, 0);
  auto addRange = [](llvm::MutableArrayRef<int64_t> values, int64_t first,
                     int64_t last, int64_t delta) {
    for (int64_t i = first; i < last; ++i)
      values[i] += delta;
  };
  if (limited)
    for (int64_t t = 0; t < in.numTransfers; ++t)
      addRange(inflight, in.step[t], in.wait[t] + 1, 1);
  LinkCalendar calendar;
  for (int64_t t = 0; t < in.numTransfers; ++t) {
    int64_t use = in.firstUse[t], wait = in.wait[t], freeAt = in.freeAt[t];
    addRange(profile, in.step[t], freeAt, -in.bytes[t]);
    if (limited)
      addRange(inflight, in.step[t], wait + 1, -1);
    int64_t lower = std::min(in.lower[t], in.step[t]);
    double window =
        calendar.latestWindow(in.seconds[t], start[use], start[lower]);
    int64_t at = std::upper_bound(start, start + size, window) - start - 1;
    // Never below its wait (which sits right before the first use).
    at = std::min(std::max(at, lower), wait);
    at = firstFitting(at, wait, freeAt, in.bytes[t], profile, inflight,
                      in.budget, in.maxInflight);
    addRange(profile, at, freeAt, in.bytes[t]);
    if (limited)
      addRange(inflight, at, wait + 1, 1);
    double copyStart = std::max(window, start[at]);
    if (copyStart > window)
      copyStart = calendar.firstFree(in.seconds[t], copyStart);
    calendar.reserve(copyStart, in.seconds[t]);
    point[t] = at;
    begin[t] = copyStart;
  }
}
