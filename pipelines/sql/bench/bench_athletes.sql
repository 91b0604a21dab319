-- one row per benchmark athlete: "Lifter 001" …, one in four of them logging in pounds
insert into athletes (name, unit)
select
    'Lifter ' || lpad(n::varchar, 3, '0') as name,
    case when n % 4 = 0 then 'lb' else 'kg' end as unit
from range(1, $athletes + 1) as r (n)
order by n
