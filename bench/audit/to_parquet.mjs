// bench/audit: writes a CSV table of numbers (header line, comma-separated) as Parquet with hyparquet-writer, a
// writer independent of advrisk's reader (DuckDB). Numbers are parsed with JavaScript's Number (correctly
// rounded), so the Parquet file holds the same doubles as the CSV. Usage: node to_parquet.mjs IN.csv OUT.parquet
import { createReadStream } from 'fs'
import { createInterface } from 'readline'
import { parquetWriteFile } from 'hyparquet-writer'

const [inPath, outPath] = process.argv.slice(2)
const lines = createInterface({ input: createReadStream(inPath), crlfDelay: Infinity })
let names = null
let cols = null
let n = 0
let cap = 1 << 16
for await (const line of lines) {
  if (names === null) {
    names = line.split(',')
    cols = names.map(() => new Float64Array(cap))
    continue
  }
  if (line.length === 0) continue
  if (n === cap) {
    cap *= 2
    cols = cols.map((c) => { const d = new Float64Array(cap); d.set(c); return d })
  }
  const cells = line.split(',')
  for (let j = 0; j < cells.length; j++) cols[j][n] = Number(cells[j])
  n++
}
parquetWriteFile({
  filename: outPath,
  columnData: names.map((name, j) => ({ name, data: cols[j].subarray(0, n), type: 'DOUBLE', nullable: false })),
  rowGroupSize: 100000,
})
console.log(`${n} rows x ${names.length} columns -> ${outPath}`)
