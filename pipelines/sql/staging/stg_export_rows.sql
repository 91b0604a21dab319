-- one row per record of an export file: its cells as text (c0, c1 …), the line breaks inside
-- its quoted cells, whether it holds any text, and whether it has more fields than the header
with

raw as (
    select *
    from read_csv(
        $path,
        auto_detect = false,
        header = false,
        skip = $skip,
        delim = $delim,
        quote = '"',
        escape = '"',
        columns = $columns,
        null_padding = true,
        parallel = false,
        allow_quoted_nulls = false,
        strict_mode = true,
        encoding = 'utf-8'
    )
),

joined as (
    select
        *,
        concat_ws('', *columns('^c\d+$')) as own_text,
        concat_ws('', *columns('^s\d+$')) as spare_text
    from raw
),

final as (
    select
        columns('^c\d+$'),
        length(own_text || spare_text)
        - length(replace(own_text || spare_text, chr(10), '')) as line_breaks,
        trim(own_text) <> '' as has_text,
        trim(spare_text) <> '' as overflow
    from joined
)

select * from final
