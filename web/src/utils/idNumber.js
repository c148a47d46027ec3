// Resident ID numbers (GB 11643-1999), checked in the browser as the server does:
// 6-digit area code, 8-digit birth date, 3-digit sequence (odd = 男), check character.
// personIdRules() is the one form-validation helper the student and teacher forms share.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

// 'YYYY-MM-DD' of the birth date in the number, or '' when it is not a real date.
export function birthDateOf(idNumber) {
  const m = /^\d{6}(\d{4})(\d{2})(\d{2})/.exec(idNumber)
  if (!m) return ''
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
  return real && y >= 1900 ? `${m[1]}-${m[2]}-${m[3]}` : ''
}

export function genderOf(idNumber) {
  return Number(idNumber[16]) % 2 === 1 ? '男' : '女'
}

function today() {
  const d = new Date()
  const pad = (n) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

// '' when valid, otherwise why not (Chinese).
export function checkIdNumber(value) {
  const id = value.trim().toUpperCase()
  if (id.length !== 18) return `身份证号应为18位,当前为${id.length}位`
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号前17位应为数字,第18位为数字或X'
  const birth = birthDateOf(id)
  if (!birth) return '身份证号中的出生日期(第7-14位)不是有效日期'
  if (birth > today()) return '身份证号中的出生日期晚于今天'
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0)
  if (CHECK_CHARS[sum % 11] !== id[17]) return '身份证号校验位不正确,请逐位核对'
  return ''
}

// On a change of the ID number field: normalizes it and, when it is valid, fills an
// empty birth date and gender from it, then re-checks those against it.
// `elForm` is the el-form instance (in a template, pass its ref).
export function fillFromIdNumber(form, elForm) {
  form.id_number = form.id_number.trim().toUpperCase()
  if (!checkIdNumber(form.id_number)) {
    form.birth_date ||= birthDateOf(form.id_number)
    form.gender ||= genderOf(form.id_number)
  }
  const filled = ['birth_date', 'gender'].filter((key) => form[key])
  if (filled.length) elForm.validateField(filled).catch(() => {})
}

// Element Plus rules for the id_number, birth_date and gender fields of `form`.
// When editing (idRequired = false) an empty ID number keeps the stored one.
export function personIdRules(form, { idRequired }) {
  const validId = () => form.id_number && !checkIdNumber(form.id_number)
  return {
    id_number: [
      {
        required: idRequired, // only for the asterisk; the validator decides
        trigger: 'blur',
        validator: (_rule, value, callback) => {
          if (!value) return callback(idRequired ? new Error('请输入身份证号') : undefined)
          const why = checkIdNumber(value)
          callback(why ? new Error(why) : undefined)
        },
      },
    ],
    birth_date: [
      { required: true, message: '请选择出生日期', trigger: 'change' },
      {
        trigger: 'change',
        validator: (_rule, value, callback) => {
          const birth = validId() ? birthDateOf(form.id_number) : ''
          callback(birth && value !== birth ? new Error(`出生日期应与身份证号一致(${birth})`) : undefined)
        },
      },
    ],
    gender: [
      { required: true, message: '请选择性别', trigger: 'change' },
      {
        trigger: 'change',
        validator: (_rule, value, callback) => {
          const gender = validId() ? genderOf(form.id_number) : ''
          callback(gender && value !== gender ? new Error(`性别应与身份证号一致(${gender})`) : undefined)
        },
      },
    ],
  }
}
