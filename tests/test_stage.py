"""A stage's thread runs urgent calls (a sentence's final) ahead of ordinary ones."""

from __future__ import annotations

import asyncio
import threading

from speech2image.stage import ConcurrentStage, StageThread, caller


def test_urgent_calls_go_before_queued_ordinary_ones_and_each_kind_keeps_its_order() -> None:
    async def main() -> list[str]:
        stage = StageThread("test", timeout_s=30.0)
        release = threading.Event()
        ran: list[str] = []
        try:
            busy = asyncio.create_task(stage.call(release.wait, 10.0))
            await asyncio.sleep(0.05)  # the blocking call is running; the rest queue
            calls = [
                asyncio.create_task(caller(stage, urgent=urgent)(ran.append, name))
                for name, urgent in (
                    ("draft 1", False),
                    ("final 1", True),
                    ("draft 2", False),
                    ("final 2", True),
                )
            ]
            await asyncio.sleep(0.05)
            assert stage.has_waiting()
            release.set()
            await asyncio.gather(busy, *calls)
        finally:
            stage.close()
        return ran

    assert asyncio.run(main()) == ["final 1", "final 2", "draft 1", "draft 2"]


def test_a_concurrent_stage_runs_urgent_calls_like_any_other() -> None:
    async def main() -> int:
        stage = ConcurrentStage("test", timeout_s=30.0, max_calls=2)
        try:
            return await stage.call_urgent(sum, [1, 2, 3])
        finally:
            stage.close()

    assert asyncio.run(main()) == 6
