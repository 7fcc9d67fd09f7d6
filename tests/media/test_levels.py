import pytest

from media.levels import SpeakerDetector, SpeakerSettings

SETTINGS = SpeakerSettings(switch_after=0.5, min_hold=1.0)


def talk(
    detector: SpeakerDetector, levels: dict[str, int], start: float, seconds: float
) -> list[tuple[float, str]]:
    """Feed 20 ms audio frames of every site; return the changes with their times."""
    changes = []
    for step in range(round(seconds / 0.02)):
        now = start + step * 0.02
        for site, level in levels.items():
            change = detector.feed(site, level, now)
            if change is not None:
                changes.append((round(change.at, 2), change.speaker))
    return changes


def test_the_loud_site_becomes_the_speaker_after_leading_for_a_while() -> None:
    detector = SpeakerDetector(SETTINGS)
    changes = talk(detector, {"hall": 25, "ward-1": 90, "ward-2": 127}, 0.0, 2.0)
    assert [site for _, site in changes] == ["hall"]
    assert 0.5 <= changes[0][0] <= 0.7


def test_a_cough_does_not_take_the_spotlight() -> None:
    detector = SpeakerDetector(SETTINGS)
    talk(detector, {"hall": 25, "ward-1": 100}, 0.0, 2.0)
    changes = talk(detector, {"hall": 25, "ward-1": 5}, 2.0, 0.2)
    changes += talk(detector, {"hall": 25, "ward-1": 100}, 2.2, 1.0)
    assert changes == []
    assert detector.speaker == "hall"


def test_the_floor_moves_when_another_site_speaks_and_the_speaker_stops() -> None:
    detector = SpeakerDetector(SETTINGS)
    talk(detector, {"hall": 25, "ward-1": 110}, 0.0, 2.0)
    changes = talk(detector, {"hall": 110, "ward-1": 30}, 2.0, 2.0)
    assert [site for _, site in changes] == ["ward-1"]


def test_nobody_speaks_in_silence_and_a_stale_site_counts_as_silent() -> None:
    detector = SpeakerDetector(SETTINGS)
    assert talk(detector, {"hall": 127, "ward-1": 120}, 0.0, 2.0) == []
    talk(detector, {"hall": 20}, 2.0, 2.0)
    assert detector.speaker == "hall"
    # The hall goes quiet on the wire (muted): another site takes over without a margin fight.
    changes = talk(detector, {"ward-1": 40}, 4.0, 2.0)
    assert [site for _, site in changes] == ["ward-1"]
    detector.remove("ward-1")
    assert detector.speaker is None


def test_levels_are_checked() -> None:
    with pytest.raises(ValueError):
        SpeakerDetector().feed("hall", 128, 0.0)
    with pytest.raises(ValueError):
        SpeakerSettings(time_constant=0)
