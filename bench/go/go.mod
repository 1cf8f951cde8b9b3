module escape/bench

go 1.19
