"""`hindi-extract train-ner`: train our stanza Hindi NER model (PER / LOC / ORG) from ../shared/data/ner.

Steps (all offline):
  1. convert IL-NER hi-train (+ HiNER collapsed validation) and IL-NER hi-dev to stanza's NER JSON,
     tags mapped to PER/LOC/ORG (pipeline.ner.data);
  2. build 100-d skip-gram word2vec vectors on the *training* text only and convert them to a
     stanza Pretrain (.pt);
  3. run stanza's own trainer (`python -m stanza.models.ner_tagger --mode train ... --cpu`),
     which keeps the checkpoint with the best hi-dev F1;
  4. copy model + pretrain + resources.json into --out (default models/hi-ner).
IL-NER hi-test is never read here; score it with `hindi-extract evaluate ner`.

Example (the shipped model):
  hindi-extract train-ner --work-dir /tmp/hi-ner-train --max-steps 12000 --threads 2
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from ..core.paths import MODELS_DIR, shared_path
from . import data as nerdata

MODEL_NAME = "hi_ner.pt"
PRETRAIN_NAME = "hi_ner.pretrain.pt"
RESOURCES = {"hi": {"lang_name": "Hindi"}}


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="hindi-extract train-ner", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--work-dir", default="/tmp/hi-ner-train", help="scratch folder (data json, vectors, checkpoints)")
    p.add_argument("--out", default=str(MODELS_DIR / "hi-ner"), help="where the final model goes")
    p.add_argument("--ner-dir", default=None, help="NER data folder (default: <shared>/data/ner)")
    p.add_argument("--no-hiner", action="store_true", help="train on IL-NER hi-train only")
    p.add_argument("--ilner-repeat", type=int, default=1, help="repeat IL-NER train this many times in the mix")
    p.add_argument("--dim", type=int, default=100, help="word vector dimension")
    p.add_argument("--w2v-epochs", type=int, default=10)
    p.add_argument("--w2v-min-count", type=int, default=1)
    p.add_argument("--max-steps", type=int, default=12000)
    p.add_argument("--eval-interval", type=int, default=500)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--seed", type=int, default=1234)
    p.add_argument("--threads", type=int, default=2, help="torch / OMP threads")
    p.add_argument("--pretrain", default=None,
                   help="reuse this stanza Pretrain (.pt) instead of building word vectors; required when "
                        "continuing a model (stanza args: -- --finetune --finetune_load_name MODEL.pt)")
    p.add_argument("--prepare-only", action="store_true", help="stop after data + vectors")
    p.add_argument("--no-install", action="store_true", help="do not copy the result into --out")
    p.add_argument("stanza_args", nargs=argparse.REMAINDER,
                   help="after '--': extra arguments passed to stanza.models.ner_tagger")
    return p


def prepare(args) -> dict[str, Path]:
    work = Path(args.work_dir)
    work.mkdir(parents=True, exist_ok=True)
    ner_dir = Path(args.ner_dir) if args.ner_dir else shared_path("data", "ner")
    ilner_train = nerdata.load(ner_dir / "il-ner-hi" / "hi-train.txt")
    ilner_dev = nerdata.load(ner_dir / "il-ner-hi" / "hi-dev.txt")
    train = ilner_train * max(1, args.ilner_repeat)
    hiner: list = []
    if not args.no_hiner:
        hiner = nerdata.load(ner_dir / "hiner" / "collapsed" / "validation.conll")
        train = train + hiner
    files = {"train": work / "train.json", "dev": work / "dev.json",
             "vec_txt": work / "vectors.txt", "pretrain": work / PRETRAIN_NAME}
    n_train = nerdata.write_stanza_json(train, files["train"])
    n_dev = nerdata.write_stanza_json(ilner_dev, files["dev"])
    print(f"train: {n_train} sentences (IL-NER {len(ilner_train)} x{args.ilner_repeat}, HiNER {len(hiner)}); "
          f"dev: {n_dev} (IL-NER hi-dev)", flush=True)

    if args.pretrain:
        shutil.copyfile(args.pretrain, files["pretrain"])
        print(f"vectors: reusing {args.pretrain}", flush=True)
        return files

    from .vectors import to_pretrain, train_word2vec
    t0 = time.time()
    text = [[w for w in toks if not any(c.isspace() for c in w)] for toks, _ in ilner_train + hiner]
    n_vec = train_word2vec(text, files["vec_txt"], dim=args.dim, epochs=args.w2v_epochs,
                           min_count=args.w2v_min_count, seed=args.seed, workers=args.threads)
    n_pt = to_pretrain(files["vec_txt"], files["pretrain"])
    print(f"vectors: {n_vec} words x {args.dim}d -> pretrain {n_pt} entries ({time.time() - t0:.1f}s)", flush=True)
    return files


def stanza_command(args, files: dict[str, Path]) -> list[str]:
    extra = list(args.stanza_args)
    if extra and extra[0] == "--":
        extra = extra[1:]
    return [sys.executable, "-m", "stanza.models.ner_tagger", "--mode", "train",
            "--train_file", str(files["train"]), "--eval_file", str(files["dev"]),
            "--wordvec_pretrain_file", str(files["pretrain"]),
            "--shorthand", "hi_ilner", "--save_dir", str(Path(args.work_dir) / "saved"),
            "--save_name", MODEL_NAME, "--max_steps", str(args.max_steps),
            "--eval_interval", str(args.eval_interval), "--batch_size", str(args.batch_size),
            "--seed", str(args.seed), "--cpu", *extra]


def install(args, files: dict[str, Path]) -> Path:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(Path(args.work_dir) / "saved" / MODEL_NAME, out / MODEL_NAME)
    shutil.copyfile(files["pretrain"], out / PRETRAIN_NAME)
    (out / "resources.json").write_text(json.dumps(RESOURCES) + "\n", encoding="utf-8")
    return out


def run(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    t_start = time.time()
    files = prepare(args)
    if args.prepare_only:
        return 0
    cmd = stanza_command(args, files)
    env = dict(os.environ, OMP_NUM_THREADS=str(args.threads), MKL_NUM_THREADS=str(args.threads))
    print("running:", " ".join(cmd), flush=True)
    t0 = time.time()
    rc = subprocess.call(cmd, env=env)
    print(f"stanza trainer exit {rc} after {time.time() - t0:.0f}s", flush=True)
    if rc != 0:
        return rc
    if not args.no_install:
        out = install(args, files)
        print(f"installed model + pretrain in {out}", flush=True)
    print(f"total wall time {time.time() - t_start:.0f}s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(run(sys.argv[1:]))
