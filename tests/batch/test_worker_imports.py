"""What a batch worker process imports."""


def test_a_worker_needs_no_pandas():
    """A worker process imports the pipeline and the batch worker code only: pandas (0.3 s to import)
    is for tables, read where they are assembled."""
    import subprocess
    import sys
    code = ("import sys; from pipeline.batch import worker_state, dask_engine; "
            "from pipeline.batch.document import PipelineFactory; "
            "PipelineFactory.of({'entities': {'ner': 'none'}})(); print('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
