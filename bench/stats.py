"""What the benchmarks report of repeated measurements: median, min, max and how many."""
import statistics


def summary(values, digits=4):
    return {"median": round(statistics.median(values), digits), "min": round(min(values), digits),
            "max": round(max(values), digits), "n": len(values)}
