"""Serving our stanza NER model without the stanza Pipeline: same model, same spans, less wrapper.

stanza stays the model format and the trainer: the model and its pretrain are loaded with stanza's own
classes (`Trainer(model_file=..., pretrain=Pretrain(...))`). What this module replaces is the
machinery around the network: the pretokenized tokenize processor (a stanza Document per call), the
NER DataLoader (vocab.map per word and per character, get_long_tensor padding) and stanza's per-
sentence numpy Viterbi. Instead:

* tokens map to ids with plain dict lookups, built once from the model's vocabularies and memoised per
  word string, reproducing stanza's normalisation exactly (see `_word_ids`);
* sentences are sorted by length and cut into batches of similar length (little padding);
* the network runs module by module in eval mode, which is what NERTagger.forward computes with
  dropout off, minus its CRF training loss; the character LSTM runs once per distinct word of a batch
  instead of once per token (each word's representation depends on that word alone);
* the CRF is decoded for the whole batch by crf.decode_batch (Viterbi + marginals, as before).

`quantize="int8"` applies torch dynamic int8 quantization to the LSTMs and Linear layers.
"""
from __future__ import annotations

import threading
from array import array
import warnings
from pathlib import Path
from typing import Sequence

from .data import LABELS, TYPE_MAP, spans
from .model_files import QUANTIZE, files_version

Span = tuple[int, int, str, float]
CHAR_CACHE = 32768   # words whose character representation is kept (16 MB)


class DirectNerEngine:
    """Our stanza NER model served directly: `tag(sentences)` like StanzaNerEngine.tag."""

    backend = "direct"

    def __init__(self, model_path: str | Path, pretrain_path: str | Path, *, name: str = "hi-ner",
                 quantize: str = "none", batch_size: int = 128, batch_tokens: int = 4096):
        import torch
        from stanza.models.common.pretrain import Pretrain
        from stanza.models.common.vocab import EMPTY, PAD_ID, UNK, UNK_ID, VOCAB_PREFIX_SIZE
        from stanza.models.ner.trainer import Trainer, fix_singleton_tags

        if quantize not in QUANTIZE:
            raise ValueError(f"ner quantize must be one of {QUANTIZE}, not {quantize!r}")
        self.name, self.quantize = name, quantize
        self.model_path, self.pretrain_path = Path(model_path), Path(pretrain_path)
        self.batch_size, self.batch_tokens = batch_size, batch_tokens
        # Trainer.load alone: Trainer() would also build an SGD optimizer, which imports torch._dynamo (~3 s)
        trainer = Trainer.__new__(Trainer)
        trainer.load(str(self.model_path), pretrain=Pretrain(str(self.pretrain_path)))
        model, args, vocab = trainer.model.eval(), trainer.args, trainer.vocab
        problem = _unsupported(model, args, vocab, torch)
        if problem:
            raise ValueError(f"NER model {self.model_path}: {problem}; the direct backend cannot serve it, "
                             f"use the stanza backend")
        self._torch, self._fix_singletons = torch, fix_singleton_tags
        self._pad, self._unk = PAD_ID, UNK_ID
        self._lower = args.get("lowercase", True)
        self._char_lower = args.get("char_lowercase", False)
        w, d, c = vocab["word"], vocab["delta"], vocab["char"]
        self._word2id, self._word_lower = w._unit2id, w.lower
        self._delta2id, self._delta_lower = d._unit2id, d.lower
        self._delta_ignore = set(getattr(d, "ignore", None) or ())
        self._delta_empty = d._unit2id[EMPTY]
        self._char2id, self._char_vocab_lower, self._char_unk = c._unit2id, c.lower, c._unit2id[UNK]
        # stanza turns a decoded id below the vocab prefix (PAD, UNK ...) into the first real tag
        self._tags = [vocab["tag"].id2unit((max(i, VOCAB_PREFIX_SIZE),))[0] for i in range(vocab["tag"].lens()[0])]
        self._outside = {i for i, t in enumerate(self._tags) if t == "O"}   # an all-O path has no spans
        self._ids: dict[str, tuple[int, int, tuple[int, ...]]] = {}
        if quantize == "int8":
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                from torch.ao.quantization import quantize_dynamic
                model = quantize_dynamic(model, {torch.nn.LSTM, torch.nn.Linear}, dtype=torch.qint8)
        self.model = model
        self._char_store = torch.zeros(CHAR_CACHE, 2 * args["char_hidden_dim"])
        self._char_cache: dict[str, int] = {}
        self._char_next = 0
        self._lock = threading.Lock()

    def version(self) -> str:
        return files_version(self.name, self.model_path, self.pretrain_path)

    # -- tokens -> ids ---------------------------------------------------------------------------------
    def _word_ids(self, word: str) -> tuple[int, int, tuple[int, ...]]:
        """(pretrain id, delta id, char ids) of one token, as stanza's DataLoader + NERTagger map it:
        the word lower-cased when the model says `lowercase`; the pretrain vocab then turns spaces into
        NBSP; a delta UNK is PAD wherever the pretrain knows the word; characters are not lower-cased
        unless `char_lowercase`."""
        got = self._ids.get(word)
        if got is not None:
            return got
        w = word.lower() if self._lower else word
        pw = w.lower() if self._word_lower else w
        if pw:
            pw = pw.replace(" ", "\xa0")
        static = self._word2id.get(pw, self._unk)
        if w in self._delta_ignore:
            delta = self._delta_empty
        else:
            delta = self._delta2id.get(w.lower() if self._delta_lower else w, self._unk)
            if delta == self._unk and static != self._unk:
                delta = self._pad
        chars = word.lower() if self._char_lower else word
        if self._char_vocab_lower:
            chars = chars.lower()
        cid = tuple(self._char2id.get(ch, self._char_unk) for ch in chars)
        got = self._ids[word] = (static, delta, cid)
        if len(self._ids) > 200_000:    # an unbounded stream of new words: start the memo afresh
            self._ids = {word: got}
        return got

    # -- batching --------------------------------------------------------------------------------------
    def _batches(self, order: list[int], lengths: list[int]):
        """Indices in descending length order, cut at batch_size sentences or batch_tokens padded tokens."""
        batch: list[int] = []
        for i in order:
            if batch and (len(batch) >= self.batch_size or (len(batch) + 1) * lengths[batch[0]] > self.batch_tokens):
                yield batch
                batch = []
            batch.append(i)
        if batch:
            yield batch

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[Span]]:
        """Entity spans per sentence: (first_token, end_token_exclusive, PER|LOC|ORG, score)."""
        results: list[list[Span]] = [[] for _ in sentences]
        # the stanza backend's placeholder for tokens stanza cannot take, kept so both agree
        clean = [[t if t and t.strip() else "_" for t in (tok.replace("\n", " ") for tok in s)] for s in sentences]
        lengths = [len(s) for s in clean]
        order = sorted((i for i, n in enumerate(lengths) if n), key=lambda i: -lengths[i])
        with self._lock, self._torch.inference_mode():
            for batch in self._batches(order, lengths):
                for i, (tags, conf) in zip(batch, self._tag_batch([clean[i] for i in batch])):
                    if tags is None:
                        continue
                    out = []
                    for start, end, typ in spans(tags):
                        label = TYPE_MAP.get(typ.upper())
                        if label in LABELS:
                            out.append((start, end, label, round(max(0.0, min(1.0, min(conf[start:end]))), 4)))
                    results[i] = out
        return results

    def _tag_batch(self, sents: list[list[str]]) -> list[tuple[list[str], list[float]]]:
        """One batch, longest sentence first -> per sentence (BIOES tags, or None when all are O;
        the marginal of each decoded tag)."""
        torch, m = self._torch, self.model
        from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence, pad_packed_sequence

        from .crf import decode_batch
        lens = [len(s) for s in sents]
        b, t_max = len(sents), lens[0]
        rows = self._char_rows({w for s in sents for w in s})
        static, delta, slot = array("q"), array("q"), array("q")   # int64, read by torch without a copy
        for s in sents:
            pad = [0] * (t_max - len(s))
            ids = [self._word_ids(w) for w in s]
            static.extend([x[0] for x in ids] + pad)
            delta.extend([x[1] for x in ids] + pad)
            slot.extend([rows[w] for w in s] + pad)
        static, delta, slot = (torch.frombuffer(x, dtype=torch.int64).view(b, t_max) for x in (static, delta, slot))
        x = torch.cat([m.word_emb(static) + m.delta_emb(delta), self._char_store[slot]], 2)
        packed = pack_padded_sequence(x, lens, batch_first=True)
        if m.input_transform is not None:
            packed = PackedSequence(m.input_transform(packed.data), packed.batch_sizes)
        layers, hid = m.args["num_layers"], m.args["hidden_dim"]
        hx = (m.taggerlstm_h_init.expand(2 * layers, b, hid).contiguous(),
              m.taggerlstm_c_init.expand(2 * layers, b, hid).contiguous())
        out, _ = m.taggerlstm.lstm(packed, hx)
        logits = m.tag_clfs[0](out.data)
        logits = pad_packed_sequence(PackedSequence(logits, out.batch_sizes), batch_first=True)[0]
        paths, confs = decode_batch(logits, m.crits[0]._transitions, lens)
        tags, outside = self._tags, self._outside
        return [(None if outside.issuperset(p) else self._fix_singletons([tags[t] for t in p]), c)
                for p, c in zip(paths, confs)]

    def _char_rows(self, words: set[str]) -> dict[str, int]:
        """Row of each word's character representation in the store, computing the missing ones.
        A word's representation depends on its characters alone, so it is computed once and kept
        (up to CHAR_CACHE words; then the store starts afresh)."""
        cache = self._char_cache
        missing = [w for w in words if w not in cache]
        if missing:
            if len(words) > len(self._char_store):   # one enormous "sentence"
                self._char_store = self._torch.zeros(len(words), self._char_store.shape[1])
            if self._char_next + len(missing) > len(self._char_store):
                cache.clear()
                self._char_next = 0
                missing = list(words)
            reps = self._char_reps([self._word_ids(w)[2] for w in missing])
            self._char_store[self._char_next:self._char_next + len(missing)] = reps
            for k, w in enumerate(missing, self._char_next):
                cache[w] = k
            self._char_next += len(missing)
        return cache

    def _char_reps(self, words: list[tuple[int, ...]]):
        """CharacterModel.forward (bidirectional, final states) over distinct words -> [len(words), 2H]."""
        torch, cm = self._torch, self.model.charmodel
        from torch.nn.utils.rnn import pack_padded_sequence
        order = sorted(range(len(words)), key=lambda i: -len(words[i]))
        wl = [len(words[i]) for i in order]
        flat = array("q")
        for i in order:
            flat.extend(words[i] + (0,) * (wl[0] - len(words[i])))
        ch = torch.frombuffer(flat, dtype=torch.int64).view(len(words), wl[0])
        emb = pack_padded_sequence(cm.char_emb(ch), wl, batch_first=True)
        states, hid = cm.num_dir * cm.args["char_num_layers"], cm.args["char_hidden_dim"]
        hx = (cm.charlstm_h_init.expand(states, len(words), hid).contiguous(),
              cm.charlstm_c_init.expand(states, len(words), hid).contiguous())
        _, (h, _) = cm.charlstm.lstm(emb, hx)
        res = h[-2:].transpose(0, 1).reshape(len(words), -1)
        return res[torch.tensor(order).argsort()]


def _unsupported(model, args, vocab, torch) -> str | None:
    """Why the direct forward would not compute what NERTagger.forward computes for this model, or None."""
    for key in ("bert_model", "charlm", "connect_output_layers"):
        if args.get(key):
            return f"it uses {key}"
    if not args.get("char") or not hasattr(model, "charmodel") or model.charmodel.attn:
        return "it has no character model, or one with attention"
    if "word" not in vocab or "delta" not in vocab or len(model.tag_clfs) != 1:
        return f"vocabularies {sorted(vocab.keys())}, {len(model.tag_clfs)} tag columns"
    if not all(isinstance(m.lstm, torch.nn.LSTM) for m in (model.taggerlstm, model.charmodel.charlstm)):
        return "an LSTM with recurrent dropout"
    return None
