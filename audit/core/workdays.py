"""Dutch working days: Monday-Friday minus public holidays (Good Friday, Liberation Day optional)."""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import numpy as np
import pandas as pd

OPTIONAL = {"Good Friday": "good_friday", "Liberation Day": "liberation_day"}


class WorkCalendar:
    """Working-day arithmetic for a range of years, vectorised with numpy's busday functions."""

    def __init__(self, years: range, good_friday: bool = False, liberation_day: bool = False):
        chosen = {"good_friday": good_friday, "liberation_day": liberation_day}
        days = []
        for day, name in holidays.NL(years=years, language="en_US").items():
            option = OPTIONAL.get(name)
            if option is None or chosen[option]:
                days.append(day)
        if liberation_day:  # holidays lists it only every fifth year
            days += [date(y, 5, 5) for y in years]
        self.holidays = sorted(set(days))
        self._np = np.array(self.holidays, dtype="datetime64[D]")

    def add(self, start: pd.Series, working_days: pd.Series | int) -> pd.Series:
        """The date `working_days` working days after each start date (start itself not counted)."""
        begin = start.to_numpy(dtype="datetime64[D]")
        n = np.asarray(working_days, dtype="int64")
        ends = np.busday_offset(begin, n, roll="backward", holidays=self._np)
        return pd.Series(ends.astype("datetime64[ns]"), index=start.index)

    def count_after(self, start: pd.Series, end: pd.Series) -> pd.Series:
        """Working days d with start < d <= end, per row (0 when end <= start)."""
        one = np.timedelta64(1, "D")
        a = start.to_numpy(dtype="datetime64[D]") + one
        b = end.to_numpy(dtype="datetime64[D]") + one
        counts = np.busday_count(a, np.maximum(a, b), holidays=self._np)
        return pd.Series(counts, index=start.index)

    def add_one(self, start: date, working_days: int) -> date:
        """One date plus working days."""
        end = np.busday_offset(np.datetime64(start, "D"), working_days, roll="backward",
                               holidays=self._np)
        return date.fromisoformat(str(end))

    def is_working_day(self, day: date) -> bool:
        return bool(np.is_busday(np.datetime64(day, "D"), holidays=self._np))


def calendar_for(start: date, end: date, good_friday: bool = False,
                 liberation_day: bool = False) -> WorkCalendar:
    """A calendar covering start..end with a year's margin for due dates past the end."""
    end = end + timedelta(days=366)
    return WorkCalendar(range(start.year - 1, end.year + 1), good_friday, liberation_day)
