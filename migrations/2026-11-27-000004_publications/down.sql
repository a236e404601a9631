DROP TABLE published_cells;
DROP TABLE published_counts;
DROP TABLE publications;
