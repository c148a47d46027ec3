// Database: the one interface every store module talks to. SQLite is the
// default backend (store/sqlite/); a PostgreSQL backend implements the same
// interface. SQL handed in uses '?' placeholders and the portable subset both
// engines accept (BIGINT, TEXT, DOUBLE PRECISION, RETURNING, recursive CTEs).
// A Database object is one connection: use it from one thread at a time
// (ConnectionPool hands connections to request threads).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/status.h"

namespace edu {

// Bytes stored as such (BLOB on SQLite, bytea on PostgreSQL): a file. Read
// back, a blob column is a std::string holding the bytes.
struct Blob {
  std::string bytes;
};

using Value = std::variant<std::nullptr_t, int64_t, double, std::string, Blob>;

class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  bool is_null(size_t i) const { return std::holds_alternative<std::nullptr_t>(values_[i]); }
  int64_t integer(size_t i) const;  // 0 for NULL
  double real(size_t i) const;      // 0 for NULL
  std::string text(size_t i) const;  // "" for NULL
  size_t size() const { return values_.size(); }

 private:
  std::vector<Value> values_;
};

using Rows = std::vector<Row>;

// One row of query_each, read in place: valid only during the call it is
// handed to (its text points into the engine's own buffers), so a register
// of millions of rows is read without a Value or a std::string per cell. A
// cell is NULL, an integer, a real or text (PostgreSQL's COPY gives every
// value as text): integer() and real() read a number from text too, as far
// as it goes ("2.5" is 2; 0 for NULL or text that starts with no number), and
// integer() of a real drops its fraction; text() gives a number's digits (""
// for NULL). The engines fill the cells, one vector reused for every row.
class RowView {
 public:
  enum class Kind : uint8_t { kNull, kInteger, kReal, kText };
  struct Cell {
    Kind kind = Kind::kNull;
    int64_t integer = 0;
    double real = 0;
    std::string_view text;
    mutable char digits[32];  // text() of a number
  };
  explicit RowView(const std::vector<Cell>& cells) : cells_(cells) {}
  bool is_null(size_t i) const { return cells_[i].kind == Kind::kNull; }
  int64_t integer(size_t i) const;
  double real(size_t i) const;
  std::string_view text(size_t i) const;
  size_t size() const { return cells_.size(); }

 private:
  const std::vector<Cell>& cells_;
};

// A statement prepared once and run many times (bulk loading).
class PreparedStatement {
 public:
  virtual ~PreparedStatement() = default;
  virtual Status run(const std::vector<Value>& params) = 0;
};

// Many rows into one table's columns (bulk loading; the caller holds the
// transaction): add() every row, then finish(). SQLite runs a prepared INSERT
// per row; PostgreSQL streams the rows through COPY … FROM STDIN, so until
// finish() the connection takes no other statement. A refused row (a
// duplicate, a missing reference) fails add() or, on PostgreSQL, finish();
// either way the transaction is then to be rolled back. Dropped unfinished,
// the rows sent are abandoned.
class BulkInsert {
 public:
  virtual ~BulkInsert() = default;
  virtual Status add(const std::vector<Value>& row) = 0;
  virtual Status finish() = 0;
};

enum class Dialect { kSqlite, kPostgres };

class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;
  // Where the database lives, the same for every connection to it: the SQLite
  // file's absolute path, the PostgreSQL URL; "" for one no other connection
  // can open (SQLite's :memory:). Results kept across connections
  // (store/page_anchors.h) are kept per location.
  virtual const std::string& location() const = 0;

  virtual Status exec(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  virtual Result<Rows> query(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  // Every row of `sql` handed to `each` in turn as a RowView, never all held
  // at once: a whole register at province scale. SQLite steps the statement
  // (integers and reals come as such); PostgreSQL streams COPY (sql) TO STDOUT
  // (the parameters written into it as literals of their types), whose values
  // all come back as text or NULL (RowView's integer() and real() read numbers
  // from text; a boolean column would read 't'/'f': select it as an integer). A
  // status other than ok from `each` stops the rows and is returned.
  virtual Status query_each(std::string_view sql, const std::vector<Value>& params,
                            const std::function<Status(const RowView&)>& each) = 0;
  Status query_each(std::string_view sql, const std::function<Status(const RowView&)>& each) {
    return query_each(sql, {}, each);
  }
  // Several statements without parameters (migrations).
  virtual Status exec_script(std::string_view sql) = 0;
  virtual Result<std::unique_ptr<PreparedStatement>> prepare(std::string_view sql) = 0;
  // `table` and `columns` are the store's own names, never user input.
  virtual Result<std::unique_ptr<BulkInsert>> bulk_insert(std::string_view table,
                                                          const std::vector<std::string>& columns) = 0;

  virtual Status begin() = 0;
  virtual Status commit() = 0;
  virtual Status rollback() = 0;

  // After rows of `table` were inserted with explicit ids (bulk loads): the
  // engine's next generated id is past them (PostgreSQL's identity sequence;
  // SQLite needs nothing).
  virtual Status ids_written(std::string_view table) = 0;

  // `n` new ids of `table`, in increasing order, each given to no other row,
  // for rows then written with these ids (bulk_insert: an import's batch).
  // Inside a Transaction only (refused outside one). SQLite: MAX(id)+1 …
  // MAX(id)+n, the ids its own INSERTs would give, safe because BEGIN
  // IMMEDIATE holds the database's one write lock until COMMIT: no other
  // connection inserts in between. PostgreSQL: n values of the table's
  // identity sequence in one statement (nextval over generate_series), safe
  // without any lock because a sequence never gives a value twice, whoever
  // else inserts meanwhile; they are the ids row-by-row INSERTs would take,
  // but a session drawing from the sequence at the same moment (an insert
  // outside the transactions' advisory lock) may leave gaps between them.
  // A rolled-back transaction loses its ids, as INSERTs do.
  virtual Result<std::vector<int64_t>> next_ids(std::string_view table, int64_t n) = 0;

  // Runs `load` (bulk inserts into `tables`; the caller holds the transaction)
  // with the foreign keys of `tables` checked once, over all their rows, when
  // it is done, rather than row by row: PostgreSQL drops those keys first and
  // adds them back after (each ADD CONSTRAINT checks every row in one join),
  // all inside the transaction; a row that breaks one fails the whole load
  // ("validation") and the rollback restores the keys. SQLite (the default)
  // runs `load` as it is: its per-row checks are cheap B-tree lookups.
  virtual Status keys_checked_after(const std::vector<std::string>& tables,
                                    const std::function<Status()>& load) {
    return load();
  }

  // Online copy of the whole database to `path`: SQLite's backup API to a
  // database file; on PostgreSQL pg_dump's custom format.
  virtual Status backup_to(const std::string& path) = 0;
  // The whole database replaced by the backup at `path` (backup_to's file),
  // all or nothing: SQLite's backup API from the file; on PostgreSQL
  // pg_restore --clean --if-exists in one transaction. Nobody else may be
  // writing (stop the servers first). The caller migrates afterwards.
  virtual Status restore_from(const std::string& path) = 0;
};

// The prepared-INSERT BulkInsert (SQLite's, and any engine's fallback).
Result<std::unique_ptr<BulkInsert>> prepared_bulk_insert(Database& db, std::string_view table,
                                                         const std::vector<std::string>& columns);

// Runs `sql`, prepared once, for every row with the parameters `params(row)`
// gives (bulk loading; the caller holds the transaction).
template <class Record, class Params>
Status run_for_each(Database& db, std::string_view sql, const std::vector<Record>& rows, Params params) {
  if (rows.empty()) return Status::Ok();
  auto stmt = db.prepare(sql);
  if (!stmt.ok()) return stmt.status();
  for (const Record& row : rows) {
    Status s = (*stmt)->run(params(row));
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

// Inserts every record into `table`'s `columns` with the values `params(row)`
// gives, through bulk_insert (COPY on PostgreSQL); the caller holds the transaction.
template <class Record, class Params>
Status insert_all(Database& db, std::string_view table, const std::vector<std::string>& columns,
                  const std::vector<Record>& rows, Params params) {
  if (rows.empty()) return Status::Ok();
  auto bulk = db.bulk_insert(table, columns);
  if (!bulk.ok()) return bulk.status();
  for (const Record& row : rows) {
    Status s = (*bulk)->add(params(row));
    if (!s.ok()) return s;
  }
  return (*bulk)->finish();
}

// insert_all of records that carry their id (allocated by next_ids or given
// by a generator): `params(row)` gives the other columns, the id goes last.
template <class Record, class Params>
Status insert_all_with_ids(Database& db, std::string_view table, std::vector<std::string> columns,
                           const std::vector<Record>& rows, Params params) {
  columns.push_back("id");
  return insert_all(db, table, columns, rows, [&](const Record& row) {
    auto values = params(row);
    values.push_back(row.id);
    return values;
  });
}

// Opens a connection to `url`: a file path (SQLite) or "postgresql://…".
bool is_postgres_url(const std::string& url);
Result<std::unique_ptr<Database>> open_database(const std::string& url);

// RAII transaction: begins on construction, rolls back on destruction unless
// commit() succeeded. Nested use is not supported.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  const Status& begun() const { return begun_; }
  Status commit();

 private:
  Database& db_;
  Status begun_;
  bool open_ = false;
};

}  // namespace edu
