"""The schedule as the source letter reads, typed independently of calculator/schedule.json.

Tests compare the engine against this second reading, so a slip in the data file shows up.
"""

POPULATION_FROM = [0, 300_000, 600_000, 1_000_000, 2_000_000, 4_000_000, 7_000_000, 10_000_000]
GDP_FROM = [0, 1_000, 2_000, 4_000, 6_000, 8_000, 10_000, 15_000, 20_000]

FEES = [
    [400, 400, 500, 500, 600, 600, 700, 700],
    [500, 500, 600, 600, 700, 700, 800, 800],
    [500, 750, 1000, 1250, 1500, 1750, 2000, 2250],
    [700, 1000, 1300, 1600, 1900, 2200, 2500, 2800],
    [1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000],
    [2000, 2500, 3000, 3500, 4000, 4500, 5000, 5500],
    [3500, 4000, 4500, 5000, 5500, 6000, 6500, 7000],
    [4500, 5000, 5500, 6000, 6500, 7000, 7500, 8000],
    [6000, 6500, 7000, 7500, 8000, 8500, 8500, 10000],
]

ESTIMATED = {(3, 7)}
#: The empty cell's two readings: 2,500 carried over (like the merged rows) or the +300 step.
ESTIMATED_READINGS = {(3, 7): (2500, 2800)}
#: The last row's step of 500 gives 9,000 and 9,500; the source prints 8,500 and 10,000.
IRREGULAR = {(8, 6): 9000, (8, 7): 9500}
MERGED_ROWS = {0, 1}

#: Upper ends used for "just below the upper bound" in the open-ended last bands.
POPULATION_CAP = 100_000_000
GDP_CAP = 1_000_000
