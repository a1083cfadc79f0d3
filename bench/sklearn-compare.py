#!/usr/bin/python3
"""Peer check for claimstance's sparse logistic regression.

Reads the feature dump that bench/eval-compare.ts writes (svmlight files built
by the TypeScript vectorizer, so both sides see identical features), fits
scikit-learn's LogisticRegression with the same objective (C = 1/l2, intercept,
lbfgs, same max_iter and tol) and prints one JSON object: macro-F1 on test and
the fit times of each run.

    /usr/bin/python3 bench/sklearn-compare.py --dump DIR [--runs 3]

Needs Debian's python3-sklearn (apt-get install -y python3-sklearn).
"""
import argparse
import json
import statistics
import sys
import time
import warnings

try:
    import numpy as np
    import sklearn
    from sklearn.datasets import load_svmlight_file
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, f1_score
except ImportError as e:  # pragma: no cover
    print(f"sklearn-compare: {e} (apt-get install -y python3-sklearn)", file=sys.stderr)
    sys.exit(2)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dump", required=True, help="folder written by bench/eval-compare.ts")
    ap.add_argument("--runs", type=int, default=3, help="fits to time (median reported)")
    args = ap.parse_args()

    with open(f"{args.dump}/meta.json", encoding="utf-8") as f:
        meta = json.load(f)
    n_features = meta["n_features"]
    X_train, y_train = load_svmlight_file(f"{args.dump}/train.svm", n_features=n_features, zero_based=True, dtype=np.float64)
    X_test, y_test = load_svmlight_file(f"{args.dump}/test.svm", n_features=n_features, zero_based=True, dtype=np.float64)
    X_train = X_train.tocsr()
    X_test = X_test.tocsr()

    l2 = meta["l2"]
    params = dict(solver="lbfgs", max_iter=meta["max_iter"], tol=meta["tol"], fit_intercept=True)
    if l2 > 0:
        params.update(penalty="l2", C=1.0 / l2)
    else:
        params.update(penalty="none")

    times = []
    model = None
    converged = True
    for _ in range(args.runs):
        model = LogisticRegression(**params)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ConvergenceWarning)
            t0 = time.perf_counter()
            model.fit(X_train, y_train)
            times.append(time.perf_counter() - t0)
        converged = not any(issubclass(w.category, ConvergenceWarning) for w in caught)
    pred = model.predict(X_test)
    print(
        json.dumps(
            {
                "sklearn": sklearn.__version__,
                "params": {k: (v if v != float("inf") else None) for k, v in params.items()},
                "rows_train": X_train.shape[0],
                "rows_test": X_test.shape[0],
                "n_features": n_features,
                "nnz_train": int(X_train.nnz),
                "n_iter": [int(i) for i in np.ravel(model.n_iter_)],
                "converged": converged,
                "fit_seconds": times,
                "fit_seconds_median": statistics.median(times),
                "accuracy": accuracy_score(y_test, pred),
                "macro_f1": f1_score(y_test, pred, average="macro", zero_division=0),
                "predictions": [int(p) for p in pred],
            }
        )
    )


if __name__ == "__main__":
    main()
