// Writes the Parquet fixtures of ParquetTableTest with an independent writer (hyparquet-writer, a JavaScript
// Parquet writer; advrisk reads Parquet through DuckDB), and the same table as CSV (numbers printed by
// JavaScript's shortest round-trip conversion, so the CSV holds the same doubles).
// Usage: npm install hyparquet-writer@0.17.0 && node make_parquet.mjs   (in this folder)
import { parquetWriteFile } from 'hyparquet-writer'

let s = 12345
function rnd() { // a fixed LCG: the fixtures do not change between runs
  s = (s * 1103515245 + 12345) % 2147483648
  return s / 2147483648
}
const n = 40
const id = [], x1 = [], x2 = [], x3 = [], label = [], y = []
for (let i = 0; i < n; i++) {
  id.push(BigInt(1000 + i))
  x1.push((rnd() - 0.5) * 10)
  x2.push(rnd() * 1e-3 + 1 / 3)
  x3.push(Math.floor(rnd() * 100) - 50)
  label.push('r' + i)
  y.push(2 * x1[i] - 1000 * x2[i] + 0.1 * x3[i] + rnd())
}
parquetWriteFile({
  filename: 'table.parquet',
  columnData: [
    { name: 'id', data: id, type: 'INT64' },
    { name: 'x1', data: x1, type: 'DOUBLE' },
    { name: 'x2', data: x2, type: 'DOUBLE' },
    { name: 'x3', data: x3, type: 'INT32' },
    { name: 'label', data: label, type: 'STRING' },
    { name: 'y', data: y, type: 'DOUBLE' },
  ],
  rowGroupSize: 16,
})
import { writeFileSync } from 'fs'
let csv = 'id,x1,x2,x3,label,y\n'
for (let i = 0; i < n; i++) {
  csv += [id[i], x1[i], x2[i], x3[i], label[i], y[i]].map(String).join(',') + '\n'
}
writeFileSync('table.csv', csv)

const withNull = x2.map((v, i) => (i === 2 || i === 6 ? null : v))
parquetWriteFile({
  filename: 'nulls.parquet',
  columnData: [
    { name: 'x1', data: x1, type: 'DOUBLE' },
    { name: 'x2', data: withNull, type: 'DOUBLE' },
    { name: 'y', data: y, type: 'DOUBLE' },
  ],
})
parquetWriteFile({
  filename: 'nested.parquet',
  columnData: [
    { name: 'x1', data: x1 },
    { name: 'tags', data: x1.map((v) => [v, v * 2]) },
    { name: 'y', data: y },
  ],
  schema: [
    { name: 'root', num_children: 3 },
    { name: 'x1', type: 'DOUBLE', repetition_type: 'REQUIRED' },
    { name: 'tags', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
    { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
    { name: 'element', type: 'DOUBLE', repetition_type: 'REQUIRED' },
    { name: 'y', type: 'DOUBLE', repetition_type: 'REQUIRED' },
  ],
})

// mixed.parquet / mixed.csv: 5000 rows in row groups of 1500 (more than one of DuckDB's 2048-row chunks and
// row groups cut across them), with the kinds the reader converts: DOUBLE with nulls and NaN, FLOAT, INT32 with
// nulls; a missing cell is an empty CSV field (null) or NaN. inf.parquet: the same with +Infinity at row 3001
// in column f, after a row (2999) whose earlier column is missing and its later one infinite (missing wins).
const m = 5000
const a = [], f = [], k = [], d = [], yy = []
for (let i = 0; i < m; i++) {
  const u = rnd()
  a.push(i % 97 === 5 ? null : i % 89 === 7 ? NaN : (u - 0.5) * 8)
  f.push(Math.fround(rnd() * 3 - 1))
  k.push(i % 101 === 11 ? null : Math.floor(rnd() * 2000) - 1000)
  d.push(rnd() * 1e-6 + 1e3)
  yy.push(a[i] === null || Number.isNaN(a[i]) ? rnd() : a[i] + f[i] + 0.001 * (k[i] ?? 0) + rnd())
}
function mixed(filename, fcol) {
  parquetWriteFile({
    filename,
    columnData: [
      { name: 'a', data: a, type: 'DOUBLE' },
      { name: 'f', data: fcol, type: 'FLOAT' },
      { name: 'k', data: k, type: 'INT32' },
      { name: 'd', data: d, type: 'DOUBLE' },
      { name: 'y', data: yy, type: 'DOUBLE' },
    ],
    rowGroupSize: 1500,
  })
}
mixed('mixed.parquet', f)
let mcsv = 'a,f,k,d,y\n'
for (let i = 0; i < m; i++) {
  mcsv += [a[i], f[i], k[i], d[i], yy[i]].map((v) => (v === null ? '' : String(v))).join(',') + '\n'
}
writeFileSync('mixed.csv', mcsv)
const finf = f.slice()
finf[3000] = Infinity
a[2998] = null
finf[2998] = Infinity
mixed('inf.parquet', finf)
